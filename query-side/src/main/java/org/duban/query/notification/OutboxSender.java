package org.duban.query.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the outbox holds, every {@code duban.notifications.sender.interval}. Each message
 * is claimed, sent and marked in one short transaction, so a message is never sent by two nodes
 * at once; a failed one is retried with exponential backoff and, after
 * {@code max-attempts}, set aside as DEAD for an administrator. A crash between sending and
 * committing sends that message again: delivery is at least once, which is why webhook bodies
 * carry the event id and deliveries the outbox id.
 */
@Component
public class OutboxSender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final NotificationProperties.Sender settings;
    private ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    OutboxSender(Outbox outbox, MailChannel mail, WebhookChannel webhooks, PlatformTransactionManager transactions,
                 Clock clock, NotificationProperties properties) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = properties.sender();
    }

    /** Sends up to one batch of due messages; returns how many were attempted. Callable at any time, from any node. */
    public int sendDue() {
        int attempted = 0;
        while (!stopping && attempted < settings.batchSize() && Boolean.TRUE.equals(transaction.execute(status -> sendNext()))) {
            attempted++;
        }
        return attempted;
    }

    private boolean sendNext() {
        return outbox.claimNext(clock.instant()).map(message -> {
            attempt(message);
            return true;
        }).orElse(false);
    }

    private void attempt(OutboxMessage message) {
        try {
            switch (message.channel()) {
                case MAIL -> mail.send(message);
                case WEBHOOK -> webhooks.send(message);
            }
            outbox.sent(message.id(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(message, e);
        } catch (Exception e) {
            failed(message, e);
        }
    }

    private void failed(OutboxMessage message, Exception e) {
        int attempts = message.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        Instant now = clock.instant();
        if (attempts >= settings.maxAttempts()) {
            log.warn("Giving up {} message {} to {} after {} attempts: {}", message.channel(), message.id(),
                    message.target(), attempts, error);
            outbox.dead(message.id(), attempts, error, now);
        } else {
            outbox.failed(message.id(), attempts, error, now, now.plus(backoff(attempts)));
        }
    }

    /** base, 2·base, 4·base, … at most backoff-max. */
    Duration backoff(int attempts) {
        Duration wait = settings.backoffBase().multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
    }

    private void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending notifications failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || scheduler != null) return;
        stopping = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("duban-notification-sender")
                .daemon().factory());
        long interval = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) return;
        // Let the message in flight finish and be marked: interrupting it after the receiver
        // accepted it, but before SENT is committed, would send it again from the next node.
        stopping = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(settings.httpTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
