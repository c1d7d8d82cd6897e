package org.duban.api.inspection;

import org.axonframework.serialization.Revision;

/** A round was closed; it takes no further findings. */
@Revision("1")
public record RoundClosed(String roundId) implements InspectionRoundEvent {
}
