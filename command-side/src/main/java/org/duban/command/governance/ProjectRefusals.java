package org.duban.command.governance;

import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.governance.ProjectStatus;

/** The refusals of the governance project, each with its stable code and a message a person can act on. */
final class ProjectRefusals {

    private ProjectRefusals() {
    }

    static DomainRefusal invalidTransition(ProjectStatus status, String action) {
        return new DomainRefusal(ErrorCode.INVALID_TRANSITION, "Cannot " + action + " a governance project that is "
                + status + ".");
    }

    static DomainRefusal notOwnerDepartment(DepartmentCode department, String actorDepartment) {
        return new DomainRefusal(ErrorCode.NOT_OWNER_DEPARTMENT, "Only " + department
                + " may do this for its project; you act for " + actorDepartment + ".");
    }

    static InvalidInput titleMissing() {
        return new InvalidInput("title", "is required.");
    }

    static InvalidInput departmentMissing() {
        return new InvalidInput("department", "is required.");
    }

    static InvalidInput reviewerMissing() {
        return new InvalidInput("reviewer", "is required: the expert's name.");
    }

    static InvalidInput alreadyReviewed(String reviewer) {
        return new InvalidInput("reviewer", reviewer + " has already reviewed this project; each expert scores once.");
    }

    static InvalidInput scoreOutOfRange(String field, int score) {
        return new InvalidInput(field, "must be between 0 and 100, not " + score + ".");
    }

    static InvalidInput summaryMissing() {
        return new InvalidInput("summary", "is required.");
    }

    static InvalidInput notAnIssueId(String id) {
        return new InvalidInput("linkedIssueIds", (id == null ? "null" : "\"" + id + "\"") + " is not an issue id (a UUID).");
    }

    static InvalidInput awardMissing() {
        return new InvalidInput("award", "is required: FIRST, SECOND, THIRD or NONE.");
    }
}
