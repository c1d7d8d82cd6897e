package org.duban.command.deadline;

/** A rule (calendar or policy) together with the version it has in the event store. */
public record Versioned<T>(T value, long version) {
}
