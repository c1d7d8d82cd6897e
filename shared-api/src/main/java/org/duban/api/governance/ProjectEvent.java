package org.duban.api.governance;

/** Every fact about a governance project. Sealed, so a projection's switch over them is checked for completeness. */
public sealed interface ProjectEvent
        permits ProjectProposed, ProjectReviewed, ProjectApproved, ProjectRejected, ProjectStageReported,
                ProjectEvaluated, ProjectConcluded {
    String projectId();
}
