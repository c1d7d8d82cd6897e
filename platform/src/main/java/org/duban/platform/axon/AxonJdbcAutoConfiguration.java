package org.duban.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Axon's JDBC storage wired by hand: the transaction manager and the token store always (read
 * models and tokens live in PostgreSQL in every mode), the event store only while
 * {@code duban.event-store=jdbc} (the default; profile {@code axonserver} sets
 * {@code axonserver} and Axon Server's connector supplies the event store, see
 * {@link JdbcEventStoreConfiguration}). Axon 4.13 orders its own JDBC and transaction
 * auto-configuration after Spring Boot 3 class names only; on Spring Boot 4 they run before the
 * DataSource exists and Axon silently falls back to a no-op transaction manager and no JDBC
 * event store. These beans are registered after Boot's DataSource and transaction manager and
 * before any Axon auto-configuration, so Axon's {@code @ConditionalOnMissingBean} defaults back off.
 * A test (UnitOfWorkTransactionTest) fails if units of work stop being transactional.
 */
@AutoConfiguration(
        afterName = {
                "org.duban.platform.postgres.EmbeddedPostgresAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"})
@Import(JdbcEventStoreConfiguration.class)
public class AxonJdbcAutoConfiguration {

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Axon's SQL runs on the connection of the Spring transaction of the current unit of work. */
    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider axonConnectionProvider, Serializer defaultSerializer,
                                 TokenSchema tokenSchema) {
        return JdbcTokenStore.builder()
                .connectionProvider(axonConnectionProvider)
                .serializer(defaultSerializer)
                .schema(tokenSchema)
                .contentType(byte[].class)
                .build();
    }
}
