package org.duban.command.calendar;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarDayChanged;
import org.duban.api.calendar.ChangeCalendarDay;
import org.duban.api.calendar.DayKind;
import org.duban.api.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The working-day calendar ADMIN maintains (DOMAIN.md "Deadlines"). It starts as the shipped
 * calendar (version 0) and comes into the event store with its first change; each change is one
 * date and gives the next version. Every event changes something: a holiday is a weekday off, a
 * working day is a weekend day worked in exchange (调休), REGULAR takes an override away, and a
 * change to what is already in force is refused. Handlers answer the calendar's version.
 */
@Aggregate
class Calendar {
    private static final WorkingCalendar SHIPPED = WorkingCalendar.shipped();

    @AggregateIdentifier
    private String calendarId;
    private WorkingCalendar inForce = SHIPPED;

    Calendar() {
        // for event sourcing, and for the first change (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeCalendarDay cmd) {
        LocalDate date = cmd.date();
        if (date == null) throw CalendarRefusals.dateMissing();
        if (cmd.kind() == null) throw CalendarRefusals.kindMissing();
        CalendarDay current = overrideOn(date);
        switch (cmd.kind()) {
            case REGULAR -> {
                if (current == null) throw CalendarRefusals.nothingToReset(date);
            }
            case HOLIDAY -> {
                if (isWeekend(date)) throw CalendarRefusals.holidayOnWeekend(date);
            }
            case WORKDAY -> {
                if (!isWeekend(date)) throw CalendarRefusals.workdayOnWeekday(date);
            }
        }
        if (current != null && current.kind() == cmd.kind() && Objects.equals(current.name(), cmd.name())) {
            throw CalendarRefusals.alreadyInForce(current);
        }
        long next = inForce.version() + 1;
        apply(new CalendarDayChanged(cmd.calendarId(), date, cmd.kind(), cmd.name(), next));
        return next;
    }

    @EventSourcingHandler
    void on(CalendarDayChanged e) {
        calendarId = e.calendarId();
        inForce = inForce.with(new CalendarDay(e.date(), e.kind(), e.name()), e.version());
    }

    private CalendarDay overrideOn(LocalDate date) {
        return inForce.overrides().stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
