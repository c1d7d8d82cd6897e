package org.duban.api.issue;

/** How urgent an issue is; the deadline policy reads it. */
public enum Severity {
    LOW, NORMAL, HIGH, CRITICAL
}
