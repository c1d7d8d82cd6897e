package org.duban.command.axon;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.duban.api.actor.ActorMetaData;
import org.duban.command.deadline.RulesInForce;
import org.duban.command.deadline.WorkingDayDeadlinePolicy;
import org.duban.command.deadline.DeadlinePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CommandSideAxonConfiguration {

    /** The actor, correlation id and client address of a command travel on to every event it causes. */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(ActorMetaData.USER_ID, ActorMetaData.ROLE, ActorMetaData.DEPARTMENT,
                ActorMetaData.CORRELATION_ID, ActorMetaData.CLIENT_ADDRESS);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public DeadlinePolicy deadlinePolicy(RulesInForce rules, Clock clock) {
        return new WorkingDayDeadlinePolicy(rules::calendar, rules::policy, clock.getZone());
    }

    /** Axon's interceptor auto-configuration registers it on the command bus. */
    @Bean
    public CommandRefusalInterceptor commandRefusalInterceptor() {
        return new CommandRefusalInterceptor();
    }
}
