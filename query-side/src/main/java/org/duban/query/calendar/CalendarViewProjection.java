package org.duban.query.calendar;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.calendar.CalendarDayChanged;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records every change of the working-day calendar; a change already recorded (same version) is skipped on replay. */
@Component
@ProcessingGroup(CalendarViewProjection.GROUP)
class CalendarViewProjection {
    static final String GROUP = "calendar-view";

    private final CalendarViewRepository calendar;

    CalendarViewProjection(CalendarViewRepository calendar) {
        this.calendar = calendar;
    }

    @EventHandler
    void on(CalendarDayChanged event, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        calendar.recordChange(event, at, userId);
    }

    @ResetHandler
    void reset() {
        calendar.deleteAll();
    }
}
