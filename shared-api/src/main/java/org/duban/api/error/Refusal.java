package org.duban.api.error;

/**
 * Why a command was refused: travels as the details of a command execution exception, so the
 * code survives even when the command ran on another node. {@code field} names the offending
 * request field when the refusal is about one (VALIDATION_FAILED), else null.
 */
public record Refusal(ErrorCode code, String message, String field) {

    public Refusal(ErrorCode code, String message) {
        this(code, message, null);
    }
}
