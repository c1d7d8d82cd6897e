package org.duban.api.ranking;

/** 末位 (bottom 5 %, 谈话提醒) and bottom in this and the previous period (组织跟进). */
public enum RankingFlag {
    BOTTOM_5_PERCENT, TWICE_BOTTOM
}
