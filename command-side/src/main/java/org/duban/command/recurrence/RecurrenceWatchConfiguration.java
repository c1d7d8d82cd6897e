package org.duban.command.recurrence;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurrence watch compares issues with each other, so it reads all events in one segment:
 * with several segments an issue's assignment could be judged before an earlier issue in
 * another segment had been recorded.
 */
@Configuration(proxyBeanMethods = false)
class RecurrenceWatchConfiguration {

    @Bean
    ConfigurerModule recurrenceWatchInOneSegment() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration("recurrence-watch",
                        (configuration, builder) -> builder.initialSegmentCount(1)));
    }
}
