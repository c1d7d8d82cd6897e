package org.duban.api.governance;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/**
 * The project's effect was evaluated: 问题精准 {@code problemPrecision}, 措施合理
 * {@code measureSoundness}, 效果明显 {@code effectEvidence}, and their {@code average} (two
 * decimals, half up), recorded so every reader ranks by the same number.
 */
@Revision("1")
public record ProjectEvaluated(String projectId, int problemPrecision, int measureSoundness, int effectEvidence,
                               BigDecimal average, String note) implements ProjectEvent {
}
