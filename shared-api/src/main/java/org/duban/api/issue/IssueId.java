package org.duban.api.issue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** An issue's identity; its {@code toString()} is the plain value because Axon uses it as aggregate id. */
public record IssueId(String value) {

    public IssueId {
        Objects.requireNonNull(value, "issue id");
        UUID.fromString(value); // refuses anything that is not a UUID
    }

    public static IssueId random() {
        return new IssueId(UUID.randomUUID().toString());
    }

    /** The same user and idempotency key always give the same id, so a retried raise cannot create a second issue. */
    public static IssueId forIdempotencyKey(String userId, String key) {
        return new IssueId(UUID.nameUUIDFromBytes((userId + "\u0000" + key).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @JsonCreator
    public static IssueId of(String value) {
        return new IssueId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
