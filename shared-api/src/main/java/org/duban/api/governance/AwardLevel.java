package org.duban.api.governance;

/** The award a concluded governance project earns at 结题考核: 一等奖, 二等奖, 三等奖, or none. */
public enum AwardLevel {
    FIRST, SECOND, THIRD, NONE
}
