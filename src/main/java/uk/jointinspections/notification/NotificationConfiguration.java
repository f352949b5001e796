package uk.jointinspections.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, MailboxProperties.class})
class NotificationConfiguration {
}
