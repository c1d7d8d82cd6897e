package org.duban.query.metrics;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.duban.api.issue.FeedbackRecorded;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.IssueRaised;
import org.duban.query.issuestate.IssueFold;
import org.duban.query.issuestate.IssueState;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The metrics facts: every issue event closes the issue's current fact row at the event's record
 * time and opens the next one, so any instant's knowledge stays answerable. A return visit also
 * becomes a feedback fact. Redelivered events (sequence not newer than the current row) change
 * nothing; rows and the processor's token commit in one transaction.
 */
@Component
@ProcessingGroup(IssueMetricsProjection.GROUP)
class IssueMetricsProjection {
    static final String GROUP = "issue-metrics";

    private final IssueFactStore facts;

    IssueMetricsProjection(IssueFactStore facts) {
        this.facts = facts;
    }

    @EventHandler
    void on(IssueEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        IssueState state = facts.current(event.issueId().value()).orElseGet(IssueState::new);
        if (sequence <= state.version) return;
        if (state.id == null && !(event instanceof IssueRaised)) {
            // Facts need the raise first; failing makes the processor retry the batch rather than skip the event.
            throw new IllegalStateException("issue-metrics has no facts of issue " + event.issueId().value()
                    + " before its " + event.getClass().getSimpleName() + " #" + sequence + ".");
        }
        IssueFold.apply(state, event, at, sequence);
        facts.supersede(state, at);
        if (event instanceof FeedbackRecorded feedback) facts.feedback(state, feedback, at, sequence);
    }

    @ResetHandler
    void reset() {
        facts.deleteAll();
    }
}
