package org.duban.query.notification;

/** What a notification says: its kind, a one-line title (also the e-mail subject) and a body. */
record Notice(NotificationKind kind, String title, String body) {
}
