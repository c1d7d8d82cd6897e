package org.duban.command.personaldata;

import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;

/** The refusals of POST /api/subjects/{subjectId}/erasure. */
final class SubjectRefusals {

    private SubjectRefusals() {
    }

    static DomainRefusal unknown(String subjectId) {
        return new DomainRefusal(ErrorCode.SUBJECT_NOT_FOUND, "No personal data was ever sealed for subject " + subjectId + ".");
    }

    static DomainRefusal alreadyErased(String subjectId) {
        return new DomainRefusal(ErrorCode.ALREADY_ERASED, "The personal data of subject " + subjectId
                + " is already erased; its key is gone for good.");
    }

    static InvalidInput reasonMissing() {
        return new InvalidInput("reason", "is required: why the data is erased (e.g. the request it answers).");
    }

    static InvalidInput reasonTooLong() {
        return new InvalidInput("reason", "must be at most " + DataSubject.REASON_MAX + " characters.");
    }
}
