package org.duban.api.error;

/**
 * Thrown by a command handler that refuses a command. A refusal is an answer, not a fault:
 * nothing is appended and the client receives {@link #code()}.
 */
public class DomainRefusal extends RuntimeException {
    private final ErrorCode code;

    public DomainRefusal(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public Refusal toRefusal() {
        return new Refusal(code, getMessage());
    }
}
