package org.duban.platform.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock. Business days (due dates, overdue) are counted in the hospital's zone; record
 * time stays an instant. Axon stamps events from a static clock, so it is pointed at the same
 * one: tests that move time move the events' record time with it.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${duban.zone:Asia/Shanghai}") String zone) {
        Clock clock = Clock.system(ZoneId.of(zone));
        GenericEventMessage.clock = clock;
        return clock;
    }
}
