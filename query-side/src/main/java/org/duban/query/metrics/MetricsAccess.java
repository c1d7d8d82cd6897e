package org.duban.query.metrics;

import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.platform.department.DepartmentDirectory;

/**
 * Whose metrics a user may see: department users those of the issues their department owns,
 * everyone else any department's or all of them.
 */
final class MetricsAccess {

    private MetricsAccess() {
    }

    /** The owner department the answer is limited to (null: all), refusing another department to a department user. */
    static String department(Actor actor, String asked, DepartmentDirectory directory) {
        if (asked != null && !directory.isKnown(asked)) throw new InvalidInput("department", "unknown department " + asked + ".");
        if (actor.role() != Role.DEPARTMENT) return asked;
        if (asked != null && !asked.equals(actor.department())) {
            throw new DomainRefusal(ErrorCode.NOT_OWNER_DEPARTMENT,
                    "Department users see their own department's metrics; you act for " + actor.department() + ".");
        }
        return actor.department();
    }
}
