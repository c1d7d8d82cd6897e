package org.duban.query.notification;

/** A message waiting in the outbox: an e-mail (target is the address) or a webhook call (target is the URL). */
record OutboxMessage(long id, Channel channel, String target, String subject, String body, String eventType,
                     int attempts) {

    enum Channel { MAIL, WEBHOOK }
}
