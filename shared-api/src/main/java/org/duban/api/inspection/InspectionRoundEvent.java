package org.duban.api.inspection;

/** Every fact about an inspection round. Sealed, so a projection's switch over them is checked for completeness. */
public sealed interface InspectionRoundEvent permits RoundPlanned, FindingRecorded, RoundClosed {
    String roundId();
}
