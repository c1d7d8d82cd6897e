package org.duban.query.replay;

import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds a projection's read model without taking the live one away (issue 7):
 * <ol>
 * <li>empty shadow copies of its tables in schema replay_&lt;group&gt;;</li>
 * <li>every event of the store, from the first, through the same handler beans the live
 *     processor uses, in batches like the live processor's, each batch one transaction whose
 *     {@code SET LOCAL search_path} sends the handlers' unqualified SQL to the copies: the live
 *     tables keep answering and keep being updated by the live processor meanwhile;</li>
 * <li>caught up: the live processor stops, the last events are applied, and one transaction
 *     locks the live tables, moves them out and the copies in, and sets every segment of the
 *     processor's token to the replay's last position (gap-aware), claimed by this node (so
 *     another node's processor cannot store a stale position: its claim check fails and its
 *     batch rolls back). The lock waits at most {@code duban.replay.lock-timeout} (readers queue
 *     behind it), then the switch is tried again, three times in all;</li>
 * <li>the processor starts again from that position, so an event appended during the replay is
 *     in the new tables exactly once: either it was replayed (then the token is past it) or the
 *     live processor applies it after the switch.</li>
 * </ol>
 * Any failure before the switch commits leaves the live tables and tokens untouched (the shadow
 * schema is dropped and the processor restarted).
 */
@Service
public class ProjectionReplayer {
    private static final Logger log = LoggerFactory.getLogger(ProjectionReplayer.class);
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    private static final int SWITCH_ATTEMPTS = 3;

    private final ReplayableProjections registry;
    private final ShadowTables shadow;
    private final ProcessorTokens tokens;
    private final ReplayRuns runs;
    /** The JDBC event store, read directly; absent under profile axonserver (no replay there). */
    private final EventStorageEngine events;
    private final Configuration axon;
    private final ApplicationContext context;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final Duration lockTimeout;

    ProjectionReplayer(ReplayableProjections registry, ShadowTables shadow, ProcessorTokens tokens, ReplayRuns runs,
                       ObjectProvider<EventStorageEngine> events, Configuration axon, ApplicationContext context,
                       PlatformTransactionManager transactions, JdbcTemplate jdbc,
                       @Value("${duban.replay.batch-size:${duban.processing.batch-size}}") int batchSize,
                       @Value("${duban.replay.lock-timeout:5s}") Duration lockTimeout) {
        this.registry = registry;
        this.shadow = shadow;
        this.tokens = tokens;
        this.runs = runs;
        this.events = events.getIfAvailable();
        this.axon = axon;
        this.context = context;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.lockTimeout = lockTimeout;
    }

    /** Where a finished replay ended. */
    public record Outcome(boolean succeeded, long events, Long position, double eventsPerSecond, String error) {
    }

    /** Claims the replay of {@code group} and runs it on its own thread; refuses unknown (404) and running (409). */
    public void start(String group) {
        Run run = claim(group);
        Thread.ofPlatform().name("replay-" + group).daemon(true).start(() -> execute(run, progress -> { }));
    }

    /** Claims and runs the replay of {@code group} on the caller's thread (the command line), reporting progress. */
    public Outcome runToCompletion(String group, Consumer<Run> progress) {
        Run run = claim(group);
        return execute(run, progress);
    }

    private Run claim(String group) {
        if (events == null) {
            // Reading the store by token to its current end, then switching under the table locks, is
            // written against the JDBC store; with Axon Server, Axon's own processor reset is the tool.
            throw new DomainRefusal(ErrorCode.NOT_AVAILABLE_WITH_AXON_SERVER,
                    "Projection replay reads the events from PostgreSQL; under profile axonserver they are in Axon Server.");
        }
        ReplayableProjection projection = registry.find(group).orElseThrow(() -> new DomainRefusal(ErrorCode.NOT_FOUND,
                "No replayable projection " + group + "; " + registry.whyNot(group)));
        if (axon.eventProcessingConfiguration().eventProcessor(group).isEmpty() || handlers(group).isEmpty()) {
            throw new DomainRefusal(ErrorCode.NOT_FOUND, "Projection " + group + " does not run on this node.");
        }
        Run run = new Run(projection, UUID.randomUUID().toString());
        if (!runs.claim(group, run.id, ProcessorTokens.THIS_NODE)) {
            throw new DomainRefusal(ErrorCode.REPLAY_RUNNING, "A replay of " + group + " is already running.");
        }
        return run;
    }

    private Outcome execute(Run run, Consumer<Run> progress) {
        ReplayableProjection projection = run.projection;
        String group = projection.group();
        try {
            List<AnnotationEventHandlerAdapter> handlers = handlers(group);
            transaction.executeWithoutResult(s -> shadow.create(projection));
            log.info("Replaying {} into {}", group, projection.shadowSchema());
            // Catch up while the live view answers; a pass that found little more is close enough.
            long applied;
            do {
                applied = pass(run, handlers, progress);
            } while (applied > batchSize);
            shadow.analyze(projection);
            switchOver(run, handlers, progress);
            try {
                shadow.dropRetired(projection);
                shadow.dropShadow(projection);
            } catch (RuntimeException e) {
                // The switch has committed; leftovers are dropped by the next replay of this projection.
                log.warn("Replay of {} switched, but its old tables could not be dropped", group, e);
            }
            run.status = "SUCCEEDED";
            runs.finish(run.id, run.status, run.position(), run.head, run.events, run.eventsPerSecond(), null);
            progress.accept(run);
            log.info("Replayed {}: {} events, {} events/s, now at {}", group, run.events,
                    Math.round(run.eventsPerSecond()), run.position());
            return new Outcome(true, run.events, run.position(), run.eventsPerSecond(), null);
        } catch (RuntimeException | Error e) {
            log.error("Replay of {} failed; the live view is unchanged", group, e);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                shadow.dropShadow(projection);
            } catch (RuntimeException cleanup) {
                log.warn("Could not drop {}", projection.shadowSchema(), cleanup);
            }
            run.status = "FAILED";
            runs.finish(run.id, run.status, run.position(), run.head, run.events, run.eventsPerSecond(), error);
            progress.accept(run);
            return new Outcome(false, run.events, run.position(), run.eventsPerSecond(), error);
        }
    }

    /**
     * Stops the live processor (it must not store a token of its own after the switch), applies
     * what was appended meanwhile, and switches in one transaction; restarts the processor however that ended.
     */
    private void switchOver(Run run, List<AnnotationEventHandlerAdapter> handlers, Consumer<Run> progress) {
        ReplayableProjection projection = run.projection;
        EventProcessor processor = axon.eventProcessingConfiguration().eventProcessor(projection.group())
                .orElseThrow(() -> new IllegalStateException("processor " + projection.group() + " vanished"));
        boolean wasRunning = processor.isRunning();
        run.status = "SWITCHING";
        report(run, progress, true);
        processor.shutDown();
        try {
            for (int attempt = 1; ; attempt++) {
                pass(run, handlers, progress);
                TrackingToken token = run.token;
                long events = run.events;
                try {
                    transaction.executeWithoutResult(s -> {
                        // Readers queue behind a waiting ACCESS EXCLUSIVE request: never hold them
                        // long because some old transaction still reads a live table.
                        jdbc.execute("set local lock_timeout = " + lockTimeout.toMillis());
                        // Tables first, then token rows: another node's batch writes tables before its
                        // token, so taking them in the same order cannot deadlock with it.
                        shadow.lockLive(projection);
                        tokens.lock(projection.group());
                        // Whatever was appended since the last pass, under the locks, so the switch is as fresh as it can be.
                        applyRemainingInCurrentTransaction(run, handlers);
                        tokens.moveAllSegmentsTo(projection.group(), run.token);
                        shadow.switchToShadow(projection);
                    });
                    return;
                } catch (DataAccessException e) {
                    // Rolled back: the shadow tables are as they were before this attempt.
                    run.token = token;
                    run.events = events;
                    if (attempt >= SWITCH_ATTEMPTS || !lockNotAvailable(e)) throw e;
                    log.warn("Switch of {} could not lock its tables within {} (attempt {}); trying again",
                            projection.group(), lockTimeout, attempt);
                }
            }
        } finally {
            if (wasRunning) processor.start();
        }
    }

    /** Lock timeout (55P03) or deadlock (40P01): worth another attempt. Spring leaves 55P03 uncategorized. */
    private static boolean lockNotAvailable(DataAccessException e) {
        if (e instanceof PessimisticLockingFailureException) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Reads from the run's token to the current end of the store, applying batch by batch; returns how many. */
    private long pass(Run run, List<AnnotationEventHandlerAdapter> handlers, Consumer<Run> progress) {
        long applied = 0;
        run.head = head();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(run.token, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize || !it.hasNext()) {
                    List<TrackedEventMessage<?>> current = List.copyOf(batch);
                    transaction.executeWithoutResult(s -> apply(run, handlers, current));
                    applied += current.size();
                    batch.clear();
                    report(run, progress, false);
                }
            }
        }
        return applied;
    }

    private void applyRemainingInCurrentTransaction(Run run, List<AnnotationEventHandlerAdapter> handlers) {
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(run.token, false)) {
            List<TrackedEventMessage<?>> rest = stream.collect(java.util.stream.Collectors.toList());
            if (!rest.isEmpty()) apply(run, handlers, rest);
        }
        jdbc.execute("set local search_path = public");
    }

    /** One batch into the shadow tables, inside the caller's transaction; the token advances only with it. */
    private void apply(Run run, List<AnnotationEventHandlerAdapter> handlers, List<TrackedEventMessage<?>> batch) {
        jdbc.execute("set local search_path = " + run.projection.shadowSchema() + ", public");
        AtomicReference<Exception> failure = new AtomicReference<>();
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            if (failure.get() != null) return null;
            EventMessage<?> event = unitOfWork.getMessage();
            try {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) handler.handle(event);
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                throw e;
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (failure.get() != null) {
            throw new IllegalStateException("handler failed on event " + batch.getFirst().trackingToken(), failure.get());
        }
        run.token = batch.getLast().trackingToken();
        run.events += batch.size();
    }

    private void report(Run run, Consumer<Run> progress, boolean force) {
        long now = System.nanoTime();
        if (!force && now - run.reportedAt < PROGRESS_EVERY_NANOS) return;
        run.reportedAt = now;
        if (run.position() != null && run.head != null && run.position() > run.head) run.head = head();
        runs.progress(run.id, run.status, run.position(), run.head, run.events, run.eventsPerSecond());
        progress.accept(run);
    }

    /** The highest global index in the store (-1 when empty). */
    long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** The group's handler beans, wrapped as the live processor wraps them (same parameter resolvers). */
    private List<AnnotationEventHandlerAdapter> handlers(String group) {
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup annotation = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (annotation != null && annotation.value().equals(group)) {
                handlers.add(new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(), axon.handlerDefinition(type)));
            }
        }
        return handlers;
    }

    /** A replay in progress, as the command line sees it. */
    public static final class Run {
        private final ReplayableProjection projection;
        private final String id;
        private final long startedAt = System.nanoTime();
        private volatile TrackingToken token;
        private volatile long events;
        private volatile Long head;
        private volatile String status = "RUNNING";
        private long reportedAt;

        private Run(ReplayableProjection projection, String id) {
            this.projection = projection;
            this.id = id;
        }

        public String group() {
            return projection.group();
        }

        public String status() {
            return status;
        }

        public long events() {
            return events;
        }

        public Long head() {
            return head;
        }

        public Long position() {
            TrackingToken t = token;
            return t == null || t.position().isEmpty() ? null : t.position().getAsLong();
        }

        public double percent() {
            return "SUCCEEDED".equals(status) ? 100.0 : ReplayRuns.percent(position(), head);
        }

        public double eventsPerSecond() {
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            return seconds <= 0 ? 0 : events / seconds;
        }
    }
}
