package org.duban.command.deadline;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.issue.IssueId;
import org.duban.api.issue.NoticeDeadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fires the steps of issue clocks that have come due. Each step is claimed, sent as a
 * {@link NoticeDeadline} command and deleted in one database transaction, which the command's
 * unit of work joins: the step is gone exactly when its event is stored. Several nodes may poll
 * at once (SKIP LOCKED), and the aggregate ignores a step it has already taken or moved past,
 * so each step speaks once.
 */
@Component
public class DeadlinePoller {
    private static final Logger log = LoggerFactory.getLogger(DeadlinePoller.class);
    private static final int MAX_PER_POLL = 10_000;
    private static final MetaData SYSTEM = MetaData.from(Map.of(
            ActorMetaData.USER_ID, "system:deadlines", ActorMetaData.ROLE, "SYSTEM", ActorMetaData.CORRELATION_ID, "deadline"));

    private final IssueClockRepository clocks;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final boolean polling;

    DeadlinePoller(IssueClockRepository clocks, CommandGateway commands, TransactionTemplate transactions, Clock clock,
                   @Value("${duban.deadlines.polling:true}") boolean polling) {
        this.polling = polling;
        this.clocks = clocks;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Polls on a schedule unless {@code duban.deadlines.polling=false} (tests that move time call {@link #fireDue()}). */
    @Scheduled(fixedDelayString = "${duban.deadlines.poll-interval:5s}", initialDelayString = "${duban.deadlines.initial-delay:5s}")
    void poll() {
        if (polling) fireDue();
    }

    /**
     * Fires every step due now, each in its own transaction so one failure cannot undo the
     * others; answers how many were fired.
     */
    public int fireDue() {
        int fired = 0;
        for (int i = 0; i < MAX_PER_POLL; i++) {
            AtomicReference<ClockStep> claimed = new AtomicReference<>();
            try {
                Boolean any = transactions.execute(status -> fireOne(claimed));
                if (!Boolean.TRUE.equals(any)) break;
                fired++;
            } catch (RuntimeException e) {
                // A step that cannot be applied must not block the others or fire forever: logged and dropped.
                ClockStep step = claimed.get();
                if (step == null) throw e;
                log.error("Deadline {} of issue {} could not be noticed; dropped", step.kind(), step.issueId(), e);
                transactions.executeWithoutResult(status -> clocks.delete(step));
            }
        }
        return fired;
    }

    private boolean fireOne(AtomicReference<ClockStep> claimed) {
        List<ClockStep> due = clocks.claimDue(clock.instant(), 1);
        if (due.isEmpty()) return false;
        ClockStep step = due.getFirst();
        claimed.set(step);
        NoticeDeadline notice = new NoticeDeadline(IssueId.of(step.issueId()), step.kind(), step.dueDate(), step.firesAt(),
                step.workingDays(), step.policyVersion());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(notice).andMetaData(SYSTEM));
        clocks.delete(step);
        return true;
    }
}
