package org.duban.command.rankingweights;

import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.ranking.ChangeRankingWeights;

/**
 * What makes ranking weights usable, each refusal naming the offending field of the body of
 * PUT /api/ranking-weights (VALIDATION_FAILED, 400): every weight a share between 0 and 1, the
 * three rates' shares adding up to 1 (so the composite stays a rate, comparable across
 * versions), and a reason, because a change of weights moves every department's placing.
 */
final class RankingWeightsRules {
    /** Decimal shares such as 0.1 + 0.5 + 0.4 do not add up to exactly 1.0 in binary floating point. */
    static final double SUM_TOLERANCE = 1e-6;
    static final int MAX_REASON = 2_000;
    /** The field a refused sum names: it spans a, b and c. */
    static final String SUM_FIELD = "a+b+c";

    private RankingWeightsRules() {
    }

    /** Checks the command and answers its reason, stripped. */
    static String check(ChangeRankingWeights cmd) {
        share("w", cmd.w());
        share("a", cmd.a());
        share("b", cmd.b());
        share("c", cmd.c());
        double sum = cmd.a() + cmd.b() + cmd.c();
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new InvalidInput(SUM_FIELD, "a + b + c must be 1 (it is " + sum + ").");
        }
        String reason = cmd.reason() == null ? "" : cmd.reason().strip();
        if (reason.isEmpty()) throw new InvalidInput("reason", "is required: say why the weights change.");
        if (reason.length() > MAX_REASON) throw new InvalidInput("reason", "must be at most " + MAX_REASON + " characters.");
        return reason;
    }

    /** Repeating the weights in force would add a version that changes nothing: a refused transition (409). */
    static DomainRefusal alreadyInForce(long version) {
        return new DomainRefusal(ErrorCode.INVALID_TRANSITION,
                "These ranking weights are already in force (version " + version + "); nothing would change.");
    }

    private static void share(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) { // also refuses NaN
            throw new InvalidInput(field, "must be between 0 and 1.");
        }
    }
}
