package org.duban.api.issue;

/** How a bulletin (通报) names an issue: commended or criticised. */
public enum BulletinEntryKind {
    COMMENDATION, CRITICISM
}
