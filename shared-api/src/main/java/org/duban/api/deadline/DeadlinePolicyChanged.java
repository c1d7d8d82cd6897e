package org.duban.api.deadline;

import org.axonframework.serialization.Revision;

/** The deadline policy was replaced; {@code version} counts from 1 (the shipped default is version 0). */
@Revision("1")
public record DeadlinePolicyChanged(String policyId, long version, DeadlinePolicySpec spec) {
}
