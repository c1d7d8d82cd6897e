package org.duban.command.inspection;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.RoundKind;
import org.duban.api.issue.AssignOwner;
import org.duban.api.issue.RaiseIssue;
import org.duban.api.issue.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Raises the issue of every finding, as the inspector who recorded it, and hands it to the
 * department the finding names. Tracking, so a restart resumes where it stopped. The issue id is
 * derived from round and finding, so a finding handled twice (a replay, or a crash before the
 * token was stored) meets an existing issue: that raise fails, and is skipped with its assignment.
 * <p>
 * The commands run on a thread of their own: sent from this handler's unit of work they would be
 * nested in it, their events held back until the token commits, so the issue could not be loaded
 * for its assignment, and a duplicate would fail the whole batch instead of this one raise.
 */
@Component
@ProcessingGroup(FindingIssueRaiser.GROUP)
class FindingIssueRaiser {
    static final String GROUP = "inspection-findings";
    private static final Logger log = LoggerFactory.getLogger(FindingIssueRaiser.class);
    private static final long TIMEOUT_SECONDS = 30;
    static final String ASSIGNMENT_REASON = "督查发现";

    private final CommandGateway commands;
    private final ExecutorService outsideUnitOfWork = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "inspection-findings-commands");
        thread.setDaemon(true);
        return thread;
    });

    FindingIssueRaiser(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(FindingRecorded finding, @Timestamp Instant recordedAt, MetaData metaData) {
        MetaData inspector = metaData.subset(ActorMetaData.USER_ID, ActorMetaData.ROLE, ActorMetaData.DEPARTMENT,
                ActorMetaData.CORRELATION_ID, ActorMetaData.CLIENT_ADDRESS);
        Source source = finding.kind() == RoundKind.PARTY_ROUNDS ? Source.PARTY_ROUNDS : Source.INSPECTION;
        RaiseIssue raise = new RaiseIssue(finding.issueId(), finding.title(), finding.description(), source,
                finding.category(), finding.severity(), finding.department(), null, null, recordedAt, finding.roundId());
        try {
            send(raise, inspector);
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyRaised) {
            log.debug("Issue {} of finding {} was raised before; skipped", finding.issueId(), finding.findingId());
            return;
        }
        if (finding.department() != null) {
            send(new AssignOwner(finding.issueId(), finding.department(), null, ASSIGNMENT_REASON), inspector);
        }
    }

    private void send(Object command, MetaData metaData) {
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData), TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    outsideUnitOfWork).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        outsideUnitOfWork.shutdown();
    }
}
