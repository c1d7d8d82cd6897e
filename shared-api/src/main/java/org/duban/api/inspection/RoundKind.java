package org.duban.api.inspection;

/** How a round is held: announced in advance, unannounced (四不两直), or a party-building round (党建查房). */
public enum RoundKind {
    PLANNED, UNANNOUNCED, PARTY_ROUNDS
}
