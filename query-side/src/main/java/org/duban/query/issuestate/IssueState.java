package org.duban.query.issuestate;

import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.LoopStage;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssueDetail;
import org.duban.api.personaldata.SealedPersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An issue as the query side folds it from its events. Stored as a JSON document in the ledger
 * and rebuilt from history for point-in-time views, so it holds data only; {@link IssueFold}
 * is the one place that changes it.
 */
public class IssueState {
    public String id;
    public String title;
    public String description;
    public IssueStatus status;
    public Source source;
    public Category category;
    public Severity severity;
    public String concernedDepartment;
    public String externalRef;
    public SealedPersonalData complainant;
    public String ownerDepartment;
    public String assignee;
    public List<String> coDepartments = new ArrayList<>();
    public List<IssueDetail.OwnerPeriod> ownerHistory = new ArrayList<>();
    public LocalDate acknowledgeDueDate;
    public LocalDate dueDate;
    /** The exact due instant of an emergency counted in hours; null when due at the end of {@link #dueDate}. */
    public Instant dueAt;
    public String policyVersion;
    public Instant acknowledgedAt;
    public boolean onHold;
    public Instant heldAt;
    public long daysOnHold;
    public EscalationLevel escalation = EscalationLevel.NONE;
    public LocalDate remindedFor;
    public List<IssueDetail.ExtensionView> extensions = new ArrayList<>();
    public List<IssueDetail.ProgressView> progress = new ArrayList<>();
    public IssueDetail.PlanView plan;
    public IssueDetail.RectificationView rectification;
    public Set<LoopStage> completedLoopStages = EnumSet.noneOf(LoopStage.class);
    public List<IssueDetail.FeedbackView> feedback = new ArrayList<>();
    public List<String> recurrenceOf = new ArrayList<>();
    public LocalDate effectivenessCheckDueDate;
    public String withdrawalReason;
    public String mergedInto;
    public Instant raisedAt;
    public Instant occurredAt;
    public Instant closedAt;
    /** How many times an effectiveness check found the problem recurred and reopened the issue. */
    public int reopenCount;
    public Instant updatedAt;
    public long version = -1;

    /** Open issues whose clock runs; on hold the clock stands still, after submission it is the inspector's turn. */
    public boolean isOverdueAt(Instant now, ZoneId zone) {
        boolean clockRuns = !onHold && (status == IssueStatus.REGISTERED || status == IssueStatus.ASSIGNED
                || status == IssueStatus.IN_PROGRESS || status == IssueStatus.REOPENED);
        if (!clockRuns) return false;
        if (dueAt != null) return now.isAfter(dueAt);
        return dueDate != null && dueDate.isBefore(LocalDate.ofInstant(now, zone));
    }

    /** The departments that see this issue: the owner and its co-departments. */
    public List<String> departments() {
        List<String> all = new ArrayList<>(coDepartments);
        if (ownerDepartment != null) all.addFirst(ownerDepartment);
        return all;
    }
}
