package org.duban.api.issue;

/** 督办等级: NONE, BLUE 提醒/催办, YELLOW 黄牌警示, RED 红牌/挂牌督办. */
public enum EscalationLevel {
    NONE, BLUE, YELLOW, RED
}
