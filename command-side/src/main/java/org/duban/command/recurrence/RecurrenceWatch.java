package org.duban.command.recurrence;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.issue.FlagRecurrence;
import org.duban.api.issue.IssueId;
import org.duban.api.issue.IssueRaised;
import org.duban.api.issue.IssueReturned;
import org.duban.api.issue.OwnerAssigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 避免发生: when an issue gets its owner, looks for an earlier issue of the same department and
 * category that occurred within the look-back window, and flags the new one as its recurrence.
 * A process reacting to events; the aggregate flags each pair once, so replays are harmless.
 */
@Component
@ProcessingGroup("recurrence-watch")
class RecurrenceWatch {
    private static final Logger log = LoggerFactory.getLogger(RecurrenceWatch.class);
    private static final MetaData SYSTEM = MetaData.from(Map.of(
            ActorMetaData.USER_ID, "system:recurrence", ActorMetaData.ROLE, "SYSTEM", ActorMetaData.CORRELATION_ID, "recurrence"));

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final int lookBackDays;

    RecurrenceWatch(JdbcTemplate jdbc, CommandGateway commands, @Value("${duban.recurrence.look-back-days:90}") int lookBackDays) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.lookBackDays = lookBackDays;
    }

    @EventHandler
    void on(IssueRaised e) {
        jdbc.update("insert into recurrence_watch (issue_id, category, occurred_at) values (?, ?, ?) on conflict (issue_id) do nothing",
                e.issueId().value(), e.category().name(), Timestamp.from(e.occurredAt()));
    }

    @EventHandler
    void on(IssueReturned e) {
        jdbc.update("update recurrence_watch set department = null where issue_id = ?", e.issueId().value());
    }

    @EventHandler
    void on(OwnerAssigned e) {
        String id = e.issueId().value();
        jdbc.update("update recurrence_watch set department = ? where issue_id = ?", e.department().value(), id);
        List<String> earlier = jdbc.queryForList("""
                        select w.issue_id from recurrence_watch w join recurrence_watch me on me.issue_id = ?
                        where w.issue_id <> me.issue_id and w.department = me.department and w.category = me.category
                          and w.occurred_at < me.occurred_at and w.occurred_at >= me.occurred_at - ?::interval
                        order by w.occurred_at desc limit 1""",
                String.class, id, Duration.ofDays(lookBackDays).toDays() + " days");
        if (earlier.isEmpty()) return;
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new FlagRecurrence(e.issueId(), IssueId.of(earlier.getFirst()), lookBackDays)).andMetaData(SYSTEM));
        } catch (RuntimeException failure) {
            log.warn("Could not flag issue {} as a recurrence of {}: {}", id, earlier.getFirst(), failure.toString());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from recurrence_watch");
    }
}
