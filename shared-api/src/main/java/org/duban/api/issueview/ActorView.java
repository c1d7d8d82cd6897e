package org.duban.api.issueview;

/** Who did something, as recorded in the event's metadata. */
public record ActorView(String id, String role, String department) {
}
