package org.duban.query.notification;

import org.duban.api.issue.DueDateApproaching;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueEscalated;
import org.duban.api.issue.OwnerAssigned;

import java.util.function.UnaryOperator;

/** The Chinese texts of the notifications, e.g. "【黄牌警示】优化门诊药房药品调配流程 已超期3个工作日". */
final class NotificationWording {

    private NotificationWording() {
    }

    static Notice escalated(IssueEscalated e, String issueTitle) {
        String label = label(e.level(), e.automatic());
        String title = "【" + label + "】" + issueTitle + overdue(e);
        StringBuilder body = new StringBuilder("问题：").append(issueTitle).append('\n')
                .append("督办等级：").append(label);
        if (e.previousLevel() != null && e.previousLevel() != EscalationLevel.NONE) {
            body.append("（此前：").append(label(e.previousLevel(), false)).append('）');
        }
        body.append('\n');
        if (e.dueDate() != null) {
            body.append("办结期限：").append(e.dueDate());
            if (e.workingDaysOverdue() > 0) body.append("，已超期").append(e.workingDaysOverdue()).append("个工作日");
            body.append('\n');
        }
        if (e.reason() != null && !e.reason().isBlank()) body.append("督办原因：").append(e.reason()).append('\n');
        body.append(e.level() == EscalationLevel.RED ? "本问题已列入红牌督办，请主要负责人亲自过问，限期整改并报告进展。"
                : "请尽快办理，并在系统中报告进展。");
        return new Notice(NotificationKind.ESCALATION, title, body.toString());
    }

    static Notice approaching(DueDateApproaching e, String issueTitle) {
        String when = e.workingDaysLeft() <= 0 ? " 今日到期" : " 距办结期限还有" + e.workingDaysLeft() + "个工作日";
        String body = "问题：" + issueTitle + "\n办结期限：" + e.dueDate() + "\n请抓紧办理，按期完成整改。";
        return new Notice(NotificationKind.DUE_DATE_APPROACHING, "【临近提醒】" + issueTitle + when, body);
    }

    static Notice assigned(OwnerAssigned e, String issueTitle, UnaryOperator<String> departmentName) {
        StringBuilder body = new StringBuilder("问题：").append(issueTitle).append('\n')
                .append("承办部门：").append(departmentName.apply(e.department().value()));
        if (e.previousDepartment() != null) {
            body.append("（由").append(departmentName.apply(e.previousDepartment().value())).append("转来）");
        }
        body.append('\n');
        if (e.assignee() != null && !e.assignee().isBlank()) body.append("承办人：").append(e.assignee()).append('\n');
        if (e.reason() != null && !e.reason().isBlank()) body.append("说明：").append(e.reason()).append('\n');
        body.append("请及时签收并办理。");
        return new Notice(NotificationKind.ASSIGNMENT, "【新任务】" + issueTitle, body.toString());
    }

    private static String label(EscalationLevel level, boolean automatic) {
        return switch (level) {
            case NONE -> "无";
            case BLUE -> automatic ? "到期催办" : "催办";
            case YELLOW -> "黄牌警示";
            case RED -> automatic ? "红牌督办" : "挂牌督办";
        };
    }

    private static String overdue(IssueEscalated e) {
        if (e.workingDaysOverdue() > 0) return " 已超期" + e.workingDaysOverdue() + "个工作日";
        return e.automatic() ? " 已到期" : "";
    }
}
