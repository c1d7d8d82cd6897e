package org.duban.api;

/** The answer to every accepted command: the item's id and its version (sequence number) after the command. */
public record Accepted(String id, long version) {
}
