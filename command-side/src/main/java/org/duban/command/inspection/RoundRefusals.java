package org.duban.command.inspection;

import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.inspection.RoundKind;

/**
 * The refusals of an inspection round: a field of the request that cannot be accepted
 * (VALIDATION_FAILED, 400), or a round that is already closed (INVALID_TRANSITION, 409).
 */
final class RoundRefusals {

    private RoundRefusals() {
    }

    static InvalidInput titleMissing() {
        return new InvalidInput("title", "is required.");
    }

    static InvalidInput kindMissing() {
        return new InvalidInput("kind", "is required: PLANNED, UNANNOUNCED or PARTY_ROUNDS.");
    }

    static InvalidInput departmentsRepeated() {
        return new InvalidInput("departments", "names a department more than once.");
    }

    static InvalidInput findingIdMissing() {
        return new InvalidInput("findingId", "is required.");
    }

    static InvalidInput findingRepeated(String findingId) {
        return new InvalidInput("findingId", "finding " + findingId + " is already recorded in this round.");
    }

    static InvalidInput categoryMissing() {
        return new InvalidInput("category", "is required.");
    }

    static InvalidInput severityMissing() {
        return new InvalidInput("severity", "is required.");
    }

    static InvalidInput stepOutsidePartyRounds(RoundKind kind) {
        return new InvalidInput("step", "names a step of a party-building round (看、听、访、评、改、督); this is a "
                + kind + " round.");
    }

    static DomainRefusal closed(String roundId) {
        return new DomainRefusal(ErrorCode.INVALID_TRANSITION, "Inspection round " + roundId + " is closed.");
    }
}
