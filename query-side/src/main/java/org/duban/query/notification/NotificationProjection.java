package org.duban.query.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.issue.DueDateApproaching;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueEscalated;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.IssueRaised;
import org.duban.api.issue.IssueReturned;
import org.duban.api.issue.OwnerAssigned;
import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns escalations, approaching due dates and new assignments into notifications: inbox rows
 * and outbox messages, written in the transaction that advances this processor's token and
 * keyed by the event's identifier. A replay (or a batch retried after a crash) meets its own
 * rows and adds nothing, so each notification is sent once. The reset clears only the issue
 * facts it refolds; inbox and outbox are kept, with their read marks and delivery states.
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
class NotificationProjection {
    static final String GROUP = "notifications";

    private final NotifiedIssues issues;
    private final Inbox inbox;
    private final OutboxWriter outbox;
    private final DepartmentDirectory departments;
    private final String committee;

    NotificationProjection(NotifiedIssues issues, Inbox inbox, OutboxWriter outbox, DepartmentDirectory departments,
                           NotificationProperties properties) {
        this.issues = issues;
        this.inbox = inbox;
        this.outbox = outbox;
        this.departments = departments;
        this.committee = properties.committeeDepartment();
    }

    @EventHandler
    void on(IssueRaised e, @MetaDataValue(ActorMetaData.USER_ID) String raisedBy) {
        issues.raised(e.issueId().value(), e.title(), raisedBy);
    }

    @EventHandler
    void on(IssueReturned e) {
        issues.ownerChanged(e.issueId().value(), null);
    }

    @EventHandler
    void on(OwnerAssigned e, EventMessage<?> message, @Timestamp Instant at) {
        String issueId = e.issueId().value();
        issues.ownerChanged(issueId, e.department().value());
        Notice notice = NotificationWording.assigned(e, issues.find(issueId).title(), this::departmentName);
        notify(message, e, at, notice, Set.of(Recipient.department(e.department().value())));
    }

    @EventHandler
    void on(DueDateApproaching e, EventMessage<?> message, @Timestamp Instant at) {
        NotifiedIssues.Issue issue = issues.find(e.issueId().value());
        Set<Recipient> to = new LinkedHashSet<>();
        if (issue.ownerDepartment() != null) to.add(Recipient.department(issue.ownerDepartment()));
        notify(message, e, at, NotificationWording.approaching(e, issue.title()), to);
    }

    @EventHandler
    void on(IssueEscalated e, EventMessage<?> message, @Timestamp Instant at) {
        NotifiedIssues.Issue issue = issues.find(e.issueId().value());
        Set<Recipient> to = new LinkedHashSet<>();
        if (issue.ownerDepartment() != null) to.add(Recipient.department(issue.ownerDepartment()));
        if (e.level() == EscalationLevel.RED) {
            to.add(Recipient.department(committee));
            if (issue.raisedBy() != null) to.add(Recipient.user(issue.raisedBy()));
        }
        notify(message, e, at, NotificationWording.escalated(e, issue.title()), to);
    }

    @ResetHandler
    void reset() {
        issues.deleteAll();
    }

    private void notify(EventMessage<?> message, IssueEvent event, Instant at, Notice notice, Set<Recipient> to) {
        String eventId = message.getIdentifier();
        String issueId = event.issueId().value();
        for (Recipient recipient : to) inbox.deliver(eventId, recipient, notice, issueId, at);
        outbox.queue(eventId, event, at, notice, to);
    }

    private String departmentName(String code) {
        return departments.find(code).map(Department::name).orElse(code);
    }
}
