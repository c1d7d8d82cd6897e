package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The recurrence watch found an earlier issue of the same department and category within the look-back window. */
public record FlagRecurrence(@TargetAggregateIdentifier IssueId issueId, IssueId earlierIssueId, int lookBackDays) {
}
