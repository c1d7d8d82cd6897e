package org.duban.platform.web;

import tools.jackson.core.JacksonException;

import java.util.stream.Collectors;

/** Names the JSON field a parse error happened at, e.g. {@code milestones[0].dueDate}. */
final class JsonErrorPath {

    private JsonErrorPath() {
    }

    static String of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining())
                        .replaceFirst("^\\.", "");
            }
        }
        return null;
    }
}
