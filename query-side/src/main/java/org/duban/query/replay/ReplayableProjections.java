package org.duban.query.replay;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of projections a replay may rebuild: making a projection replayable is one line
 * here, its processing group and the tables it writes (parents before children, as foreign keys
 * point). The tables must be the projection's own: a replay swaps exactly these.
 */
@Component
public class ReplayableProjections {
    private static final List<ReplayableProjection> ALL = List.of(
            ReplayableProjection.of("issue-ledger", "issue_ledger"),
            ReplayableProjection.of("issue-history", "issue_history"),
            ReplayableProjection.of("bulletin-view", "bulletin", "bulletin_entry", "bulletin_issue_title"),
            ReplayableProjection.of("governance-view", "governance_project", "governance_project_review",
                    "governance_project_stage", "governance_project_stage_issue"),
            ReplayableProjection.of("inspection-view", "inspection_round", "inspection_finding", "inspection_issue"),
            ReplayableProjection.of("calendar-view", "calendar_day_change"),
            ReplayableProjection.of("deadline-policy-view", "deadline_policy_version"),
            ReplayableProjection.of("issue-metrics", "issue_fact", "issue_current", "feedback_fact"),
            ReplayableProjection.of("ranking-weights-view", "ranking_weights_version"));

    /**
     * Processing groups that must never be replayed this way, and why (shown by GET /api/admin/projections).
     * The command side's processors (deadline clock, processes) are not read models at all, and the
     * integrity chain (EventChainMaintainer) is no processor.
     */
    private static final Map<String, String> NOT_REPLAYABLE = Map.of(
            "notifications", "它经发件箱发送邮件与 webhook：重放会把历史通知再发一遍"
                    + " (it sends e-mails and webhook calls through its outbox; a replay would send them all again)");

    public List<ReplayableProjection> all() {
        return ALL;
    }

    public Optional<ReplayableProjection> find(String group) {
        return ALL.stream().filter(p -> p.group().equals(group)).findFirst();
    }

    /** Why {@code group} is not replayable; a generic reason for groups not registered here. */
    public String whyNot(String group) {
        return NOT_REPLAYABLE.getOrDefault(group, "未登记为可重放的投影 (not registered as replayable)");
    }
}
