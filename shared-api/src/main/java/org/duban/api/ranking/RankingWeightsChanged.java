package org.duban.api.ranking;

import org.axonframework.serialization.Revision;

/**
 * The ranking weights were replaced; {@code version} counts from 1 (the published default,
 * {@link RankingWeights#DEFAULT}, is version 0). The reason says why, for whoever later wonders
 * why a ranking moved.
 */
@Revision("1")
public record RankingWeightsChanged(String weightsId, long version, double w, double a, double b, double c,
                                    String reason) {
}
