package org.duban.api.issue;

/** The states of DOMAIN.md's lifecycle. Hold is a flag beside the state, not a state of its own. */
public enum IssueStatus {
    REGISTERED, ASSIGNED, IN_PROGRESS, PENDING_VERIFICATION, CLOSED, EFFECTIVE, REOPENED, WITHDRAWN
}
