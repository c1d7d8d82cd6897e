package org.duban.platform.axon;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every projection runs in a pooled streaming processor: several segments so query nodes can
 * share the work (a dead node's segments are claimed by the others) and batches well above one
 * event per transaction (a naive one-event batch is the known Axon throughput trap).
 */
@AutoConfiguration
public class EventProcessingAutoConfiguration {

    @Bean
    public ConfigurerModule pooledStreamingProcessors(@Value("${duban.processing.batch-size}") int batchSize,
                                                      @Value("${duban.processing.segments}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing.usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments)));
    }
}
