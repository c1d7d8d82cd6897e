package org.duban.platform.axonserver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What changes in the apps under profile {@code axonserver} beyond Axon's own connector
 * (duban-axonserver.yml switches that on): features that read the event table by SQL answer 501.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "duban.event-store", havingValue = "axonserver")
public class AxonServerModeAutoConfiguration {

    @Bean
    public WebMvcConfigurer eventTableGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EventTableGuard());
            }
        };
    }
}
