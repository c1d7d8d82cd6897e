package org.duban.command.issue;

import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;

import java.time.LocalDate;

/** The refusals of the Issue aggregate, each with its stable code and a message a person can act on. */
final class IssueRefusals {

    private IssueRefusals() {
    }

    static DomainRefusal invalidTransition(IssueStatus status, String action) {
        return new DomainRefusal(ErrorCode.INVALID_TRANSITION,
                "Cannot " + action + " an issue that is " + status + ".");
    }

    static DomainRefusal notOwnerDepartment(DepartmentCode owner, String actorDepartment) {
        return new DomainRefusal(ErrorCode.NOT_OWNER_DEPARTMENT, "Only the owner department "
                + (owner == null ? "(none assigned)" : owner) + " may do this; you act for " + actorDepartment + ".");
    }

    static DomainRefusal submitterCannotVerify() {
        return new DomainRefusal(ErrorCode.SUBMITTER_CANNOT_VERIFY,
                "The rectification must be verified by someone other than its submitter.");
    }

    static DomainRefusal deadlinePassed(LocalDate dueDate) {
        return new DomainRefusal(ErrorCode.DEADLINE_PASSED,
                "An extension must be requested before the due date " + dueDate + " has passed.");
    }

    static DomainRefusal extensionNotLater(LocalDate dueDate) {
        return new DomainRefusal(ErrorCode.EXTENSION_NOT_LATER,
                "The requested due date must be after the current due date " + dueDate + ".");
    }

    static DomainRefusal extensionPending() {
        return new DomainRefusal(ErrorCode.EXTENSION_PENDING, "An extension request is already waiting for a decision.");
    }

    static DomainRefusal noExtensionPending() {
        return new DomainRefusal(ErrorCode.NO_EXTENSION_PENDING, "There is no extension request to decide.");
    }

    static DomainRefusal alreadyOwner(DepartmentCode department) {
        return new DomainRefusal(ErrorCode.ALREADY_OWNER, department + " already owns this issue.");
    }

    static DomainRefusal alreadyCoDepartment(DepartmentCode department) {
        return new DomainRefusal(ErrorCode.ALREADY_CO_DEPARTMENT, department + " is already a co-department.");
    }

    static DomainRefusal onHold(String action) {
        return new DomainRefusal(ErrorCode.ON_HOLD, "Cannot " + action + " while the issue is on hold.");
    }

    static DomainRefusal notOnHold() {
        return new DomainRefusal(ErrorCode.NOT_ON_HOLD, "The issue is not on hold.");
    }

    static DomainRefusal mergeTargetInvalid(String why) {
        return new DomainRefusal(ErrorCode.MERGE_TARGET_INVALID, why);
    }

    static DomainRefusal escalationNotHigher(EscalationLevel current, EscalationLevel requested) {
        return new DomainRefusal(ErrorCode.ESCALATION_NOT_HIGHER,
                "The issue is already at " + current + "; escalation to " + requested + " would not raise it.");
    }

    static DomainRefusal noScores() {
        return new InvalidInput("scores", "give at least one score.");
    }

    static DomainRefusal scoreOutOfRange(String dimension) {
        return new InvalidInput("scores." + dimension, "must be between 0 and 100.");
    }

    static DomainRefusal notHotline(Source source) {
        return new DomainRefusal(ErrorCode.NOT_A_HOTLINE_ISSUE, "Return visits (回访) are for hotline issues; this one came from " + source + ".");
    }

    static DomainRefusal occurredInFuture() {
        return new InvalidInput("occurredAt", "cannot be in the future.");
    }
}
