package org.duban.api.projection;

/** One segment's row in the token store: its position (null before its first event) and the node holding its claim. */
public record SegmentPosition(int segment, Long position, String owner) {
}
