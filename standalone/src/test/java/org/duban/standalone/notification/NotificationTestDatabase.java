package org.duban.standalone.notification;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the notification scenarios' context at a database of its own. Given as connection
 * details, which win over spring.datasource.url, because a dynamic property registered here
 * would lose to ScenarioTest's: Spring applies the superclass's registration last.
 */
@TestConfiguration(proxyBeanMethods = false)
class NotificationTestDatabase {

    @Bean
    JdbcConnectionDetails notificationTestDatabase() {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return NotificationScenarioTest.OWN_DATABASE;
            }
        };
    }
}
