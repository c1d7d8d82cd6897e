package org.duban.query.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Notifications' settings, with their defaults below every application.yml. */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "classpath:notifications-defaults.properties", encoding = "UTF-8")
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationsConfiguration {
}
