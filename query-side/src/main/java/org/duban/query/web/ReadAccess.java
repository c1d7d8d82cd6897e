package org.duban.query.web;

import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;

import java.util.List;

/**
 * Who may read what on the query side, in one place: department users read only the issues
 * their department owns or co-handles; personal data is open to inspectors, the committee and
 * auditors, masked for everyone else; the data subject's id is shown to those roles and ADMIN.
 */
public final class ReadAccess {

    private ReadAccess() {
    }

    /** The department a list must be limited to for this actor, or null for no limit. */
    public static String listScope(Actor actor) {
        return actor.role() == Role.DEPARTMENT ? String.valueOf(actor.department()) : null;
    }

    public static void requireVisible(Actor actor, List<String> issueDepartments) {
        if (actor.role() == Role.DEPARTMENT && !issueDepartments.contains(actor.department())) {
            throw new DomainRefusal(ErrorCode.NOT_OWNER_DEPARTMENT,
                    "This issue belongs to another department; you act for " + actor.department() + ".");
        }
    }

    public static boolean mayReadPersonalData(Actor actor) {
        return actor.role() == Role.INSPECTOR || actor.role() == Role.COMMITTEE || actor.role() == Role.AUDITOR;
    }

    /**
     * Who sees which data subject a complainant is: the roles that may read personal data, and
     * ADMIN, who carries out erasures by that id. The id is random and says nothing about the person.
     */
    public static boolean mayKnowDataSubject(Actor actor) {
        return mayReadPersonalData(actor) || actor.role() == Role.ADMIN;
    }
}
