package uk.jointinspections.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling is for {@link NotificationRetention}'s daily removal of expired notification records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, MailboxProperties.class})
@EnableScheduling
class NotificationConfiguration {
}
