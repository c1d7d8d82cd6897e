package org.duban.query.notification;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Webhook calls: the stored JSON body, POSTed as is and signed with the endpoint's secret
 * ({@code X-Duban-Signature: sha256=<hex HMAC-SHA256 of the body bytes>}); the outbox id in
 * {@code X-Duban-Delivery} lets receivers recognise a retried delivery. Only 2xx counts as delivered.
 */
@Component
class WebhookChannel implements DisposableBean {
    static final String SIGNATURE = "X-Duban-Signature";
    static final String DELIVERY = "X-Duban-Delivery";
    static final String EVENT = "X-Duban-Event";

    private final List<NotificationProperties.Webhook> endpoints;
    private final Duration timeout;
    private final HttpClient http;

    WebhookChannel(NotificationProperties properties) {
        this.endpoints = properties.webhooks();
        this.timeout = properties.sender().httpTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    List<NotificationProperties.Webhook> endpoints() {
        return endpoints;
    }

    void send(OutboxMessage message) throws IOException, InterruptedException {
        NotificationProperties.Webhook endpoint = endpoints.stream().filter(w -> w.url().equals(message.target()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("webhook endpoint is no longer configured: " + message.target()));
        byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE, "sha256=" + sign(body, endpoint.secret()))
                .header(DELIVERY, Long.toString(message.id()))
                .header(EVENT, message.eventType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status < 200 || status > 299) throw new IOException("webhook answered HTTP " + status);
    }

    @Override
    public void destroy() {
        http.shutdownNow();
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
