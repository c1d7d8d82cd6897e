package org.duban.command.deadline;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarDayChanged;
import org.duban.api.calendar.WorkingCalendar;
import org.duban.api.deadline.ChangeDeadlinePolicy;
import org.duban.api.deadline.DeadlinePolicyChanged;
import org.duban.api.deadline.DeadlinePolicySpec;
import org.springframework.stereotype.Component;

/**
 * The working calendar and the deadline policy in force, read from their own event streams so
 * that every command node agrees on them without a table of its own. The streams are short and
 * cached; a cheap look at the last sequence number tells whether an ADMIN changed them since.
 */
@Component
public class RulesInForce {
    private final EventStore eventStore;
    private volatile Versioned<WorkingCalendar> calendar = new Versioned<>(WorkingCalendar.shipped(), 0);
    private volatile Versioned<DeadlinePolicySpec> policy = new Versioned<>(DeadlinePolicySpec.DEFAULT, 0);

    RulesInForce(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Versioned<WorkingCalendar> calendar() {
        Versioned<WorkingCalendar> current = calendar;
        if (changesIn(WorkingCalendar.DEFAULT_ID) == current.version()) return current;
        WorkingCalendar folded = WorkingCalendar.shipped();
        for (DomainEventMessage<?> m : eventStore.readEvents(WorkingCalendar.DEFAULT_ID).asStream().toList()) {
            if (m.getPayload() instanceof CalendarDayChanged e) {
                folded = folded.with(new CalendarDay(e.date(), e.kind(), e.name()), e.version());
            }
        }
        calendar = new Versioned<>(folded, folded.version());
        return calendar;
    }

    public Versioned<DeadlinePolicySpec> policy() {
        Versioned<DeadlinePolicySpec> current = policy;
        if (changesIn(ChangeDeadlinePolicy.DEFAULT_ID) == current.version()) return current;
        Versioned<DeadlinePolicySpec> folded = new Versioned<>(DeadlinePolicySpec.DEFAULT, 0);
        for (DomainEventMessage<?> m : eventStore.readEvents(ChangeDeadlinePolicy.DEFAULT_ID).asStream().toList()) {
            if (m.getPayload() instanceof DeadlinePolicyChanged e) folded = new Versioned<>(e.spec(), e.version());
        }
        policy = folded;
        return folded;
    }

    /** How many events the stream has: its version, since each event is one change. */
    private long changesIn(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
    }
}
