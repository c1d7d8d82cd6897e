package org.duban.query.history;

import org.duban.api.issue.*;

/** How an event reads in the history (Chinese first, as inspectors read it) and which loop stage it belongs to. */
final class HistoryWording {

    private HistoryWording() {
    }

    static LoopStage loopStage(IssueEvent event) {
        return switch (event) {
            case RectificationSubmitted e -> LoopStage.RECTIFICATION;
            case IssueClosed e -> LoopStage.RECTIFICATION;
            case RectificationRejected e -> LoopStage.RECTIFICATION;
            case EffectivenessConfirmed e -> LoopStage.PREVENTION;
            case IssueReopened e -> LoopStage.PREVENTION;
            case EffectivenessCheckDue e -> LoopStage.PREVENTION;
            case RecurrenceFlagged e -> LoopStage.PREVENTION;
            case IssueReviewed e -> LoopStage.REVIEW;
            case IssueAssessed e -> LoopStage.ASSESSMENT;
            case IssueNotified e -> LoopStage.NOTIFICATION;
            default -> null;
        };
    }

    static String summary(IssueEvent event) {
        return switch (event) {
            case IssueRaised e -> "立项督办 Raised: " + e.title();
            case OwnerAssigned e -> e.previousDepartment() == null
                    ? "指派主责部门 Assigned to " + e.department()
                    : "改派 Reassigned from " + e.previousDepartment() + " to " + e.department();
            case IssueReturned e -> "退单 Returned by " + e.department() + ": " + e.reason();
            case CoDepartmentAdded e -> "增加协办部门 Co-department added: " + e.department();
            case IssueAcknowledged e -> "签收 Acknowledged by " + e.department();
            case RectificationPlanFiled e -> "提交整改方案 Rectification plan filed";
            case ProgressReported e -> "阶段性汇报 Progress " + e.percent() + "% by " + e.department() + ": " + e.summary();
            case ExtensionRequested e -> "申请延期 Extension requested to " + e.requestedDueDate();
            case ExtensionApproved e -> "同意延期 Extension approved: due " + e.newDueDate();
            case ExtensionRefused e -> "不同意延期 Extension refused";
            case IssueHeld e -> "挂起 On hold: " + e.reason();
            case IssueResumed e -> "恢复 Resumed after " + e.daysOnHold() + " day(s); due " + e.newDueDate();
            case RectificationSubmitted e -> "提交整改 Rectification submitted by " + e.department();
            case IssueClosed e -> "验收通过，销号 Verified and closed";
            case RectificationRejected e -> "验收不通过 Verification failed: " + e.note();
            case IssueWithdrawn e -> "撤销 Withdrawn: " + e.reason();
            case IssueMerged e -> "合并为重复事项 Merged into " + e.intoIssueId();
            case DueDateApproaching e -> "临近提醒 Due on " + e.dueDate();
            case IssueEscalated e -> (e.automatic() ? "自动升级 " : "挂牌督办 ") + e.level() + ": " + e.reason();
            case EffectivenessConfirmed e -> "回头看：整改有效 Effectiveness confirmed";
            case IssueReviewed e -> "点评 Review: " + e.comment();
            case IssueAssessed e -> "考核 Assessment: " + e.scores();
            case IssueNotified e -> (e.kind() == BulletinEntryKind.COMMENDATION ? "通报表扬 Commended" : "通报批评 Criticised")
                    + " in bulletin " + e.bulletinId();
            case FeedbackRecorded e -> "回访 Return visit: " + (e.contacted() ? "已联系" : "未联系") + "，"
                    + (e.resolved() ? "已解决" : "未解决") + "，" + e.satisfaction();
            case EffectivenessCheckDue e -> "回头看到期 Effectiveness check due " + e.dueDate();
            case RecurrenceFlagged e -> "疑似复发 Recurrence of " + e.earlierIssueId() + " (" + e.department() + ", " + e.category() + ")";
            case IssueReopened e -> "回头看：问题复发，重新打开 Recurred, reopened";
        };
    }
}
