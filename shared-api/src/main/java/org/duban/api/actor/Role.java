package org.duban.api.actor;

/** The roles of DOMAIN.md; each user has exactly one. */
public enum Role {
    INSPECTOR, COMMITTEE, DEPARTMENT, AUDITOR, ADMIN
}
