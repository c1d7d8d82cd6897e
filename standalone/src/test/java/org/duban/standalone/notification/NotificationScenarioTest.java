package org.duban.standalone.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.duban.standalone.support.TestDatabase;
import org.duban.query.notification.OutboxSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The notification scenarios: the standalone app with an in-process SMTP server (GreenMail) and
 * two webhook endpoints in this JVM, short retry delays, and a database of its own. Its own
 * database because this is a second application context: sharing the other scenarios' database
 * would make the two contexts' "notifications" processors compete for the same segments, and
 * the other context has no mail or webhooks configured. Subclasses share this context, the SMTP
 * server and the webhook receiver, so each test creates its own issues and filters by them.
 * (The database is given as connection details, see {@link NotificationTestDatabase}.)
 */
@Import(NotificationTestDatabase.class)
abstract class NotificationScenarioTest extends ScenarioTest {
    static final String OWN_DATABASE = TestDatabase.newDatabase();
    /** Started once for the JVM: the cached context keeps pointing at its port across test classes. */
    static final GreenMail MAIL = startMail();
    static final WebhookReceiver WEBHOOKS = new WebhookReceiver();
    static final Duration BOUND = Duration.ofSeconds(15);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxSender sender;

    @DynamicPropertySource
    static void notifications(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("duban.notifications.mail.from", () -> "duban@hospital.example");
        registry.add("duban.notifications.mail.departments.PHARMACY", () -> "pharmacy@hospital.example");
        registry.add("duban.notifications.mail.departments.INPATIENT_SERVICE", () -> "inpatient@hospital.example");
        registry.add("duban.notifications.mail.departments.PARTY_OFFICE", () -> "committee@hospital.example");
        registry.add("duban.notifications.mail.users.inspector", () -> "inspector@hospital.example");
        registry.add("duban.notifications.webhooks[0].url", () -> WEBHOOKS.url("flaky"));
        registry.add("duban.notifications.webhooks[0].secret", () -> WebhookReceiver.FLAKY_SECRET);
        registry.add("duban.notifications.webhooks[1].url", () -> WEBHOOKS.url("broken"));
        registry.add("duban.notifications.webhooks[1].secret", () -> WebhookReceiver.BROKEN_SECRET);
        registry.add("duban.notifications.webhooks[1].events", () -> "IssueEscalated");
        registry.add("duban.notifications.sender.interval", () -> "100ms");
        registry.add("duban.notifications.sender.backoff-base", () -> "50ms");
        registry.add("duban.notifications.sender.http-timeout", () -> "2s");
        // The events these tests publish stand in for the deadline clock; it must not add its own.
        registry.add("duban.deadlines.initial-delay", () -> "1h");
        registry.add("duban.deadlines.poll-interval", () -> "1h");
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    /** A title no other test uses, so mails and webhook calls can be told apart by it. */
    static String uniqueTitle(String title) {
        return title + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Raises an issue with this title and assigns it to the department; returns its id. */
    String raiseAssignedTo(String title, String department) {
        Api.Response raised = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "测试描述",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
        if (raised.status() != 201) throw new IllegalStateException("raise failed: " + raised);
        String id = raised.json().get("id").asText();
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", department)));
        return id;
    }

    /** Appends an event to the issue's stream as the deadline clock or an inspector would have. */
    void publish(String issueId, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Issue", issueId, eventCount(issueId), event,
                MetaData.from(Map.of("userId", "inspector", "role", "INSPECTOR", "department", "DISCIPLINE"))));
    }

    /** Received mails whose subject contains {@code text}, as "recipient | subject". */
    static List<String> mails(String text) {
        return Arrays.stream(MAIL.getReceivedMessages()).map(NotificationScenarioTest::describe)
                .filter(m -> m.contains(text)).sorted().toList();
    }

    private static String describe(MimeMessage message) {
        try {
            return String.join(",", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList())
                    + " | " + message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inbox entries of this user that concern this issue. */
    List<JsonNode> inbox(String user, String issueId, String query) {
        Api.Response r = api.as(user).get("/api/notifications?size=200" + query);
        if (r.status() != 200) throw new AssertionError("inbox of " + user + ": " + r);
        return stream(r.json().get("items")).filter(n -> issueId.equals(n.get("issueId").asText())).toList();
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    long outboxRows(String issueId, String status) {
        Long n = jdbc.queryForObject("select count(*) from notification_outbox where issue_id = ? and status = ?", Long.class,
                issueId, status);
        return n == null ? 0 : n;
    }

    long inboxRows(String issueId) {
        Long n = jdbc.queryForObject("select count(*) from notification_inbox where issue_id = ?", Long.class, issueId);
        return n == null ? 0 : n;
    }

    /** Polls until the condition holds, for at most {@link #BOUND}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting (" + BOUND + ") for: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }

    /** Rebuilds the "notifications" view from the first event, as an operator's replay would, and waits until it is done. */
    void replayNotifications() {
        StreamingEventProcessor processor = processing.eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        int segments = transactions.execute(status -> tokenStore.fetchSegments("notifications").length);
        await("the notifications processor to replay up to event " + head, () -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == segments && status.values().stream().allMatch(s -> s.isCaughtUp()
                    && !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
        });
    }
}
