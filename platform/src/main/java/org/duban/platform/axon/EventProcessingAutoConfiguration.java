package org.duban.platform.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Every projection runs in a pooled streaming processor: several segments so query nodes can
 * share the work (a dead node's segments are claimed by the others) and batches well above one
 * event per transaction (a naive one-event batch is the known Axon throughput trap); a failing
 * handler is retried, never skipped.
 */
@AutoConfiguration
public class EventProcessingAutoConfiguration {

    @Bean
    public ConfigurerModule pooledStreamingProcessors(@Value("${duban.processing.batch-size}") int batchSize,
                                                      @Value("${duban.processing.segments}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors(
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
                // Axon's default logs a failing handler and moves on, so a database hiccup would skip
                // the event in that read model for good. Propagating rolls the batch back (token too)
                // and the processor retries it with backoff: read models converge, nothing is lost.
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance()));
    }

    /** Without it the first node keeps every segment and the other nodes idle (see SegmentBalancer). */
    @Bean
    public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                           @Value("${duban.processing.balance-interval}") Duration interval) {
        return new SegmentBalancer(processing, jdbc, interval);
    }
}
