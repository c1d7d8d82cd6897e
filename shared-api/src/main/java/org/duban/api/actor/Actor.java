package org.duban.api.actor;

/** Who acts: a user id, the user's role and, for department and office users, a department code. */
public record Actor(String userId, Role role, String department) {
}
