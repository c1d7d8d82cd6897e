package org.duban.query.notification;

/** Whom a notification is for: one user, or everyone of one department. */
record Recipient(String userId, String department) {

    static Recipient user(String userId) {
        return new Recipient(userId, null);
    }

    static Recipient department(String code) {
        return new Recipient(null, code);
    }

    /** Stable text for de-duplication keys. */
    String key() {
        return userId != null ? "user:" + userId : "department:" + department;
    }
}
