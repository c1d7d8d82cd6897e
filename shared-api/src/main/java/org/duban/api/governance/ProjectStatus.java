package org.duban.api.governance;

/**
 * Where a governance project (主动治理课题) stands: 申报 PROPOSED, 评审 UNDER_REVIEW (at least one
 * expert review), 立项 APPROVED or REJECTED, 执行 EXECUTING (stage reports), 效果评价 EVALUATED,
 * 结题考核 CONCLUDED.
 */
public enum ProjectStatus {
    PROPOSED, UNDER_REVIEW, APPROVED, REJECTED, EXECUTING, EVALUATED, CONCLUDED
}
