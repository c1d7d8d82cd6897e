package org.duban.query.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring's JavaMailSender, which exists only when a mail server is configured
 * ({@code spring.mail.host}). Without one, e-mail is off: no e-mail is queued at all.
 */
@Component
class MailChannel {
    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

    private final JavaMailSender sender;
    private final NotificationProperties.Mail settings;

    MailChannel(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender.getIfAvailable();
        this.settings = properties.mail();
        if (this.sender == null) {
            log.info("E-mail notifications are off: no mail server is configured (spring.mail.host); inbox and webhooks work as usual.");
        }
    }

    boolean enabled() {
        return sender != null;
    }

    /** The address for a recipient, or null when none is configured. */
    String addressOf(Recipient recipient) {
        return recipient.userId() != null ? settings.users().get(recipient.userId())
                : settings.departments().get(recipient.department());
    }

    void send(OutboxMessage message) {
        if (sender == null) throw new IllegalStateException("no mail server is configured (spring.mail.host)");
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(settings.from());
        mail.setTo(message.target());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        sender.send(mail);
    }
}
