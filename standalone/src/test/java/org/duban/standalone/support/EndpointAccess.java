package org.duban.standalone.support;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Who may call each endpoint: API.md's "who" column for commands, and for reads what
 * QueryApiSecurity, ReadAccess and the controllers' own checks allow. One row per operation of
 * the OpenAPI document; the security matrix fails for an operation without a row, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */
public final class EndpointAccess {
    public static final String INSPECTOR = "INSPECTOR";
    public static final String COMMITTEE = "COMMITTEE";
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";
    private static final Set<String> EVERY_ROLE = Set.of(INSPECTOR, COMMITTEE, DEPARTMENT, AUDITOR, ADMIN);

    /**
     * The roles allowed past the role check; {@code ownerOnly}: a department user must also be
     * (co-)owner of the issue addressed, else 403 NOT_OWNER_DEPARTMENT.
     */
    public record Access(Set<String> roles, boolean ownerOnly) {
        public boolean allows(String role) {
            return roles.contains(role);
        }
    }

    public static final Map<String, Access> TABLE = Map.ofEntries(
            // ---- issue commands (API.md "who"; CommandApiSecurity)
            entry("POST /api/issues", roles(INSPECTOR, COMMITTEE)),
            entry("POST /api/issues/{id}/assignment", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/acknowledgement", owner()),
            entry("POST /api/issues/{id}/progress-reports", owner()),
            entry("POST /api/issues/{id}/extension-requests", owner()),
            entry("POST /api/issues/{id}/extension-decisions", roles(INSPECTOR, COMMITTEE)),
            entry("POST /api/issues/{id}/rectification", owner()),
            entry("POST /api/issues/{id}/verification", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/reviews", roles(COMMITTEE)),
            entry("POST /api/issues/{id}/assessments", roles(COMMITTEE)),
            entry("POST /api/issues/{id}/escalations", roles(INSPECTOR, COMMITTEE)),
            entry("POST /api/issues/{id}/effectiveness-checks", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/feedback", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/withdrawal", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/return", owner()),
            entry("POST /api/issues/{id}/co-departments", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/merge", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/plan", owner()),
            entry("POST /api/issues/{id}/hold", roles(INSPECTOR)),
            entry("POST /api/issues/{id}/resume", roles(INSPECTOR)),
            // ---- other commands
            entry("POST /api/bulletins", roles(COMMITTEE)),
            entry("POST /api/bulletins/{id}/entries", roles(COMMITTEE)),
            entry("POST /api/bulletins/{id}/publication", roles(COMMITTEE)),
            entry("POST /api/subjects/{subjectId}/erasure", roles(ADMIN)),
            entry("POST /api/governance-projects", roles(DEPARTMENT, COMMITTEE)),
            entry("POST /api/governance-projects/{id}/stage-reports", roles(DEPARTMENT)),
            entry("POST /api/governance-projects/{id}/reviews", roles(COMMITTEE)),
            entry("POST /api/governance-projects/{id}/approval", roles(COMMITTEE)),
            entry("POST /api/governance-projects/{id}/evaluation", roles(COMMITTEE)),
            entry("POST /api/governance-projects/{id}/conclusion", roles(COMMITTEE)),
            entry("POST /api/inspection-rounds", roles(INSPECTOR, COMMITTEE)),
            entry("POST /api/inspection-rounds/{id}/findings", roles(INSPECTOR, COMMITTEE)),
            entry("PUT /api/calendar/days/{date}", roles(ADMIN)),
            entry("PUT /api/deadline-policies", roles(ADMIN)),
            entry("PUT /api/ranking-weights", roles(ADMIN, COMMITTEE)),
            // ---- reads: every signed-in user; department users see only their own issues (ReadAccess)
            entry("GET /api/issues", signedIn()),
            entry("GET /api/issues/export", signedIn()),
            entry("GET /api/issues/{id}", ownerReads()),
            entry("GET /api/issues/{id}/history", ownerReads()),
            entry("GET /api/issues/{id}/loop", ownerReads()),
            entry("GET /api/bulletins", signedIn()),
            entry("GET /api/bulletins/{id}", signedIn()),
            entry("GET /api/governance-projects", signedIn()),
            entry("GET /api/governance-projects/{id}", signedIn()),
            entry("GET /api/inspection-rounds", signedIn()),
            entry("GET /api/inspection-rounds/{id}", signedIn()),
            entry("GET /api/departments", signedIn()),
            entry("GET /api/calendar/{year}", signedIn()),
            entry("GET /api/deadline-policies", signedIn()),
            entry("GET /api/ranking-weights", signedIn()),
            entry("GET /api/dashboard", signedIn()),
            entry("GET /api/dashboard/wall", signedIn()),
            entry("GET /api/dashboard/trends", signedIn()),
            entry("GET /api/rankings", signedIn()),
            entry("GET /api/rankings/export", signedIn()),
            entry("GET /api/notifications", signedIn()),
            entry("POST /api/notifications/{id}/read", signedIn()),
            // ---- audit: AUDITOR and ADMIN (the controllers' own checks)
            entry("GET /api/audit/events", roles(AUDITOR, ADMIN)),
            entry("GET /api/audit/integrity", roles(AUDITOR, ADMIN)),
            entry("GET /api/audit/bundle", roles(AUDITOR, ADMIN)),
            entry("GET /api/audit/checkpoints", roles(AUDITOR, ADMIN)),
            // ---- notification administration: ADMIN (QueryApiSecurity)
            entry("GET /api/admin/notifications/dead-letters", roles(ADMIN)),
            entry("POST /api/admin/notifications/dead-letters/{id}/retry", roles(ADMIN)),
            // ---- projection replay: ADMIN (QueryApiSecurity)
            entry("GET /api/admin/projections", roles(ADMIN)),
            entry("POST /api/admin/projections/{name}/replay", roles(ADMIN)));

    private EndpointAccess() {
    }

    private static Access roles(String... roles) {
        return new Access(Set.of(roles), false);
    }

    private static Access owner() {
        return new Access(Set.of(DEPARTMENT), true);
    }

    private static Access signedIn() {
        return new Access(EVERY_ROLE, false);
    }

    private static Access ownerReads() {
        return new Access(EVERY_ROLE, true);
    }
}
