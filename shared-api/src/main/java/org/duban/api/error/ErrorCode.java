package org.duban.api.error;

/**
 * Stable error codes clients can rely on (API.md): the code never changes meaning, the
 * message may. Each code carries the HTTP status it answers with.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    PAYLOAD_TOO_LARGE(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_OWNER_DEPARTMENT(403),
    SUBMITTER_CANNOT_VERIFY(403),
    ISSUE_NOT_FOUND(404),
    NOT_FOUND(404),
    SUBJECT_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    INVALID_TRANSITION(409),
    CONCURRENT_MODIFICATION(409),
    DEADLINE_PASSED(409),
    EXTENSION_PENDING(409),
    NO_EXTENSION_PENDING(409),
    EXTENSION_NOT_LATER(409),
    ALREADY_OWNER(409),
    ALREADY_CO_DEPARTMENT(409),
    ON_HOLD(409),
    NOT_ON_HOLD(409),
    MERGE_TARGET_INVALID(409),
    ESCALATION_NOT_HIGHER(409),
    NOT_A_HOTLINE_ISSUE(409),
    BULLETIN_PUBLISHED(409),
    BULLETIN_EMPTY(409),
    BULLETIN_NOT_PUBLISHED(409),
    ISSUE_ALREADY_IN_BULLETIN(409),
    ALREADY_ERASED(409),
    /** A replay of that projection is already running (on this node or another). */
    REPLAY_RUNNING(409),
    UNSUPPORTED_MEDIA_TYPE(415),
    READ_MODEL_BEHIND(503),
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500),
    /**
     * The feature reads the event table of PostgreSQL by SQL (integrity chain, audit bundle and
     * explorer, projection replay); under profile {@code axonserver} the events live in Axon Server.
     */
    NOT_AVAILABLE_WITH_AXON_SERVER(501);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
