package org.duban.command.bulletin;

import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.bulletin.BulletinEntry;
import org.duban.api.bulletin.BulletinPublished;
import org.duban.api.issue.RecordNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Closes the loop's NOTIFICATION stage: when a bulletin is published, every issue it names is
 * told so by a {@link RecordNotification} from the system. Runs in its own streaming processor,
 * so a restart resumes after the last bulletin handled. Each command runs on its own thread, in
 * its own unit of work and transaction: a refused entry is logged and cannot roll back the
 * others or this processor's token. A replay would notify again, so replays skip this handler.
 */
@Component
@ProcessingGroup("bulletin-publication")
class BulletinPublicationProcess {
    private static final Logger log = LoggerFactory.getLogger(BulletinPublicationProcess.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    BulletinPublicationProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @PreDestroy
    void close() {
        sender.close();
    }

    @EventHandler
    @DisallowReplay
    void on(BulletinPublished event) {
        MetaData system = MetaData.from(Map.of(ActorMetaData.USER_ID, "system:bulletins", ActorMetaData.ROLE, "SYSTEM",
                ActorMetaData.CORRELATION_ID, event.bulletinId()));
        for (BulletinEntry entry : event.entries()) {
            RecordNotification notice = new RecordNotification(entry.issueId(), event.bulletinId(), entry.kind(), entry.text());
            try {
                CompletableFuture.runAsync(() -> commands.sendAndWait(
                                GenericCommandMessage.asCommandMessage(notice).andMetaData(system), TIMEOUT_SECONDS, TimeUnit.SECONDS), sender)
                        .get(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while notifying issues of bulletin " + event.bulletinId(), e);
            } catch (Exception e) {
                log.error("Issue {} could not be notified of bulletin {}; the other entries go on",
                        entry.issueId(), event.bulletinId(), e);
            }
        }
    }
}
