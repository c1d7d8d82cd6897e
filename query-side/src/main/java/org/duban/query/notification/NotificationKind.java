package org.duban.query.notification;

/** What a notification is about. */
public enum NotificationKind {
    /** A new task: a department became the owner of an issue. */
    ASSIGNMENT,
    /** 临近提醒: the due date is near. */
    DUE_DATE_APPROACHING,
    /** The supervision level rose (催办, 黄牌警示, 红牌/挂牌督办). */
    ESCALATION
}
