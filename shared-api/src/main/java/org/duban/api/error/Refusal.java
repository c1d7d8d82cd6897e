package org.duban.api.error;

/**
 * Why a command was refused: travels as the details of a command execution exception, so the
 * code survives even when the command ran on another node.
 */
public record Refusal(ErrorCode code, String message) {
}
