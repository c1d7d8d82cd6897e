package org.duban.query.ledger;

import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

/** The Chinese names of the issue's codes (DOMAIN.md), as a reader of the exported 台账 expects them. */
final class IssueLabels {

    private IssueLabels() {
    }

    static String of(IssueStatus status) {
        return switch (status) {
            case REGISTERED -> "已登记";
            case ASSIGNED -> "已交办";
            case IN_PROGRESS -> "办理中";
            case PENDING_VERIFICATION -> "待核验";
            case CLOSED -> "已销号";
            case EFFECTIVE -> "已见效";
            case REOPENED -> "已重开";
            case WITHDRAWN -> "已撤销";
        };
    }

    static String of(Source source) {
        return switch (source) {
            case HOTLINE -> "12345接诉即办";
            case INSPECTION -> "督查";
            case PARTY_ROUNDS -> "党建查房";
            case COMPLAINT_REVIEW -> "投诉MDT月度点评";
            case QUALITY_CONTROL -> "质控中心";
            case CASE_AUDIT -> "高额病例费用核查";
            case SELF_INSPECTION -> "自查自纠";
            case PROACTIVE_GOVERNANCE -> "主动治理";
            case DECISION_FOLLOW_UP -> "党委决策落实督查";
            case MAILBOX -> "痛点邮箱";
        };
    }

    static String of(Category category) {
        return switch (category) {
            case MEDICAL_SERVICE -> "医疗服务";
            case MEDICAL_STAFF -> "医务人员";
            case FACILITIES_LOGISTICS -> "设备设施及后勤服务";
            case QUALITY_AND_DISPUTES -> "医疗质量及医患纠纷";
            case MEDICAL_RESOURCES -> "医疗资源";
            case MEDICAL_POLICY -> "医疗政策";
            case OTHER -> "其他";
        };
    }

    static String of(Severity severity) {
        return switch (severity) {
            case LOW -> "低";
            case NORMAL -> "一般";
            case HIGH -> "较高";
            case CRITICAL -> "紧急";
        };
    }

    static String of(EscalationLevel level) {
        return switch (level) {
            case NONE -> "无";
            case BLUE -> "蓝色提醒";
            case YELLOW -> "黄牌警示";
            case RED -> "红牌督办";
        };
    }
}
