package org.duban.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The event store in PostgreSQL ({@code domain_event_entry}), for the embedded default and profile
 * {@code postgres}. Left out under profile {@code axonserver} ({@code duban.event-store=axonserver}):
 * then no {@link EventStorageEngine} exists and Axon Server's connector provides the event store.
 * Imported by {@link AxonJdbcAutoConfiguration}, so it runs in that one's place in the ordering.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "duban.event-store", havingValue = "jdbc", matchIfMissing = true)
class JdbcEventStoreConfiguration {
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * PostgreSQL reports a unique violation as SQLState 23505 on a plain PSQLException; Axon's
     * default JDBC resolver looks only for SQLIntegrityConstraintViolationException and would
     * turn two concurrent commands on one issue into an opaque storage error instead of a
     * {@code ConcurrencyException} (and a re-used id into the same instead of a creation conflict).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider axonConnectionProvider,
                                                 TransactionManager axonTransactionManager,
                                                 EventSchema eventSchema,
                                                 Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(axonConnectionProvider)
                .transactionManager(axonTransactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .build();
    }
}
