package org.duban.query.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code duban.notifications.*}; defaults in notifications-defaults.properties. Webhook secrets
 * live only here, never in the outbox table, so a database dump cannot forge deliveries.
 */
@ConfigurationProperties("duban.notifications")
public record NotificationProperties(Mail mail, List<Webhook> webhooks, Sender sender, String committeeDepartment,
                                     Duration maxEventAge) {

    public NotificationProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    /** E-mail addresses by department code and by user id; a recipient without one gets no e-mail. */
    public record Mail(String from, Map<String, String> departments, Map<String, String> users) {
        public Mail {
            departments = departments == null ? Map.of() : Map.copyOf(departments);
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }

    /** An outgoing webhook; {@code events} names the event types it wants (IssueEscalated, …), empty for all. */
    public record Webhook(String url, String secret, Set<String> events) {
        public Webhook {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException("duban.notifications.webhooks[].url must be an http(s) URL, got " + url);
            }
            URI.create(url);
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("duban.notifications.webhooks[].secret is required for " + url);
            }
            events = events == null ? Set.of() : Set.copyOf(events);
        }

        boolean wants(String eventType) {
            return events.isEmpty() || events.contains(eventType);
        }
    }

    /** The outbox poller: how often, how many per round, and how hard to retry. */
    public record Sender(boolean enabled, Duration interval, int batchSize, int maxAttempts, Duration backoffBase,
                         Duration backoffMax, Duration httpTimeout) {
    }
}
