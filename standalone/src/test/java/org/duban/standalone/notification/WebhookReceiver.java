package org.duban.standalone.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The far end of the webhooks, in this JVM: {@code /flaky} fails each delivery's first two
 * attempts and then accepts it; {@code /broken} fails everything except issues that a test has
 * {@linkplain #heal healed}. Every request is recorded with whether its signature was right.
 */
final class WebhookReceiver {
    static final String FLAKY_SECRET = "flaky-secret-0123456789";
    static final String BROKEN_SECRET = "broken-secret-9876543210";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String endpoint, String delivery, String signature, boolean signatureValid, JsonNode body, int answered) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();
    private final Set<String> healedIssues = ConcurrentHashMap.newKeySet();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/flaky", exchange -> answer(exchange, "flaky", FLAKY_SECRET));
        server.createContext("/broken", exchange -> answer(exchange, "broken", BROKEN_SECRET));
        server.start();
    }

    String url(String endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + endpoint;
    }

    void heal(String issueId) {
        healedIssues.add(issueId);
    }

    List<Call> calls(String endpoint, String issueId) {
        return calls.stream().filter(c -> c.endpoint().equals(endpoint) && issueId.equals(c.body().path("issueId").asText()))
                .toList();
    }

    List<Call> delivered(String endpoint, String issueId) {
        return calls(endpoint, issueId).stream().filter(c -> c.answered() == 200).toList();
    }

    private void answer(HttpExchange exchange, String endpoint, String secret) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String delivery = exchange.getRequestHeaders().getFirst("X-Duban-Delivery");
        String signature = exchange.getRequestHeaders().getFirst("X-Duban-Signature");
        JsonNode json = JSON.readTree(body);
        int status = switch (endpoint) {
            case "flaky" -> flakyAttempts.computeIfAbsent(endpoint + delivery, k -> new AtomicInteger()).incrementAndGet() <= 2 ? 503 : 200;
            default -> healedIssues.contains(json.path("issueId").asText()) ? 200 : 500;
        };
        calls.add(new Call(endpoint, delivery, signature, ("sha256=" + hmac(body, secret)).equals(signature), json, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
