package org.duban.command.issue;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.duban.api.issue.IssueId;
import org.duban.command.deadline.TestPolicies;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import static org.duban.command.issue.IssueFixtures.ISSUE_ID;
import static org.duban.command.issue.IssueFixtures.NOW;
import static org.duban.command.issue.IssueFixtures.ZONE;

/**
 * The issues a merge handler sees. An AggregateTestFixture holds the events of one aggregate
 * only, so ISSUE_ID is loaded from the fixture (whose events the specification asserts) and
 * every other issue from a second, in-memory event store seeded with {@link #withIssue}.
 */
final class RoutingIssueRepository implements Repository<Issue> {
    private final Repository<Issue> fixtureIssues;
    private final EventStore otherStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Repository<Issue> otherIssues = EventSourcingRepository.builder(Issue.class)
            .eventStore(otherStore)
            .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(Issue.class),
                    new SimpleResourceParameterResolverFactory(List.of(TestPolicies.shipped(ZONE), Clock.fixed(NOW, ZONE)))))
            .build();

    RoutingIssueRepository(Repository<Issue> fixtureIssues) {
        this.fixtureIssues = fixtureIssues;
    }

    /** Stores {@code history} as the events of issue {@code id} in the other store. */
    RoutingIssueRepository withIssue(IssueId id, List<Object> history) {
        for (int sequence = 0; sequence < history.size(); sequence++) {
            Object event = history.get(sequence);
            EventMessage<?> message = event instanceof EventMessage<?> m ? m : GenericEventMessage.asEventMessage(event);
            otherStore.publish(new GenericDomainEventMessage<>("Issue", id.toString(), sequence,
                    message.getPayload(), message.getMetaData()));
        }
        return this;
    }

    private Repository<Issue> holding(String id) {
        return ISSUE_ID.toString().equals(id) ? fixtureIssues : otherIssues;
    }

    @Override
    public Aggregate<Issue> load(String id) {
        return holding(id).load(id);
    }

    @Override
    public Aggregate<Issue> load(String id, Long expectedVersion) {
        return holding(id).load(id, expectedVersion);
    }

    @Override
    public Aggregate<Issue> newInstance(Callable<Issue> factory) throws Exception {
        return fixtureIssues.newInstance(factory);
    }

    @Override
    public Aggregate<Issue> loadOrCreate(String id, Callable<Issue> factory) throws Exception {
        return holding(id).loadOrCreate(id, factory);
    }

    @Override
    public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
        fixtureIssues.send(message, scope);
    }

    @Override
    public boolean canResolve(ScopeDescriptor scope) {
        return fixtureIssues.canResolve(scope);
    }
}
