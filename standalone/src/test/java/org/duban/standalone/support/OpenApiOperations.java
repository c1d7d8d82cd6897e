package org.duban.standalone.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations the running app publishes in its OpenAPI document, so tests that must cover
 * every endpoint (the fuzz test, the security matrix) find new endpoints without being told.
 */
public final class OpenApiOperations {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {
    }

    /** A parameter of an operation: where it goes (path, query, header) and its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One verb on one path, with its parameters and (resolved) JSON body schema, or null without a body. */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode body, boolean bodyRequired,
                            List<String> bodyTypes) {
        public String key() {
            return method + " " + path;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Reads every operation of {@code GET /v3/api-docs}, as the anonymous caller (the document is public). */
    public static List<Operation> of(Api api) {
        Api.Response r = api.anonymous().get("/v3/api-docs");
        if (r.status() != 200) throw new IllegalStateException("no OpenAPI document: " + r);
        return parse(r.json());
    }

    public static List<Operation> parse(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) continue;
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode resolved = resolve(document, p);
                    parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolved.path("required").asBoolean(false), resolve(document, resolved.path("schema"))));
                }
                JsonNode content = op.path("requestBody").path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                JsonNode body = null;
                if (!types.isEmpty()) {
                    JsonNode media = content.has("application/json") ? content.get("application/json") : content.get(types.getFirst());
                    body = resolveDeep(document, media.path("schema"), 0);
                }
                operations.add(new Operation(method.toUpperCase(), path.getKey(), List.copyOf(parameters), body,
                        op.path("requestBody").path("required").asBoolean(false), List.copyOf(types)));
            }
        }
        return List.copyOf(operations);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) break;
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** Inlines every {@code $ref} (to a bounded depth, recursive schemas stop there) so generators walk one tree. */
    private static JsonNode resolveDeep(JsonNode document, JsonNode node, int depth) {
        JsonNode resolved = resolve(document, node);
        if (depth > 6 || !resolved.isContainerNode()) return resolved;
        if (resolved.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = resolved.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = resolved.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) copy.set(e.getKey(), resolveDeep(document, e.getValue(), depth + 1));
            }
            return copy;
        }
        com.fasterxml.jackson.databind.node.ArrayNode copy = resolved.deepCopy();
        for (int i = 0; i < resolved.size(); i++) {
            if (resolved.get(i).isContainerNode()) copy.set(i, resolveDeep(document, resolved.get(i), depth + 1));
        }
        return copy;
    }
}
