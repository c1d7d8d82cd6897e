package org.duban.api.issue;

/** Every fact about an issue. Sealed, so a projection's switch over them is checked for completeness. */
public sealed interface IssueEvent
        permits CoDepartmentAdded, DueDateApproaching, IssueEscalated, IssueReviewed, IssueAssessed, IssueNotified,
                FeedbackRecorded, EffectivenessCheckDue, RecurrenceFlagged, EffectivenessConfirmed, ExtensionApproved, ExtensionRefused, ExtensionRequested, IssueAcknowledged, IssueClosed, IssueHeld, IssueMerged, IssueRaised, IssueReopened, IssueResumed, IssueReturned, IssueWithdrawn, OwnerAssigned, ProgressReported, RectificationPlanFiled, RectificationRejected, RectificationSubmitted {
    IssueId issueId();
}
