package org.duban.standalone.storage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.duban.api.issue.IssueRaised;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trap DEVELOPERS.md measured: on Spring Boot 4, Axon 4.13 silently falls back to a no-op
 * transaction manager and no JDBC event store. This test fails if units of work stop being
 * real Spring transactions or the JDBC stores are not the ones in use.
 */
@Import(UnitOfWorkTransactionTest.ProbeConfiguration.class)
class UnitOfWorkTransactionTest extends ScenarioTest {

    record ProbeTransaction(String marker, boolean fail) {
    }

    static class TransactionProbe {
        private final JdbcTemplate jdbc;

        TransactionProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @CommandHandler
        public boolean handle(ProbeTransaction probe) {
            jdbc.execute("create table if not exists uow_probe (marker text primary key)");
            jdbc.update("insert into uow_probe values (?)", probe.marker());
            if (probe.fail()) throw new IllegalStateException("probe fails after writing");
            return TransactionSynchronizationManager.isActualTransactionActive();
        }
    }

    /** A read model whose first attempt at an event fails, as a database hiccup would. */
    @ProcessingGroup("retry-probe")
    static class FlakyProjection {
        static final AtomicInteger ATTEMPTS = new AtomicInteger();
        static final AtomicInteger APPLIED = new AtomicInteger();

        @EventHandler
        void on(IssueRaised event) {
            if (!"重试探针".equals(event.title())) return;
            if (ATTEMPTS.incrementAndGet() == 1) throw new IllegalStateException("transient failure");
            APPLIED.incrementAndGet();
        }
    }

    @TestConfiguration
    static class ProbeConfiguration {
        @Bean
        TransactionProbe transactionProbe(JdbcTemplate jdbc) {
            return new TransactionProbe(jdbc);
        }

        @Bean
        FlakyProjection flakyProjection() {
            return new FlakyProjection();
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;

    @Test
    void axon_uses_the_spring_transaction_manager_and_the_jdbc_stores() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void a_command_handler_runs_inside_a_database_transaction() {
        Boolean active = commands.sendAndWait(new ProbeTransaction("committed-" + System.nanoTime(), false));
        assertThat(active).isTrue();
    }

    @Test
    void what_a_failing_command_wrote_is_rolled_back() {
        String marker = "rolled-back-" + System.nanoTime();
        assertThatThrownBy(() -> commands.sendAndWait(new ProbeTransaction(marker, true)))
                .hasMessageContaining("probe fails");
        assertThat(jdbc.queryForObject("select count(*) from uow_probe where marker = ?", Long.class, marker)).isZero();
    }

    @Test
    void a_projection_that_fails_on_an_event_retries_it_instead_of_skipping_it() throws InterruptedException {
        raise("重试探针");
        long started = System.nanoTime();
        long deadline = started + 60_000_000_000L; // the processor backs off between retries
        while (System.nanoTime() < deadline && FlakyProjection.APPLIED.get() == 0) Thread.sleep(50);
        System.out.printf("retry-probe applied after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(FlakyProjection.ATTEMPTS.get()).isGreaterThanOrEqualTo(2);
        assertThat(FlakyProjection.APPLIED.get()).isEqualTo(1);
    }
}
