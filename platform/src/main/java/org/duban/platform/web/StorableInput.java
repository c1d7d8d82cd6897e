package org.duban.platform.web;

import org.duban.api.error.InvalidInput;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

/**
 * What every accepted value must be, whatever the endpoint: text PostgreSQL can store (no NUL,
 * no unpaired surrogate) and dates within the calendar people use. A value outside that would
 * be accepted into an event and then fail every projection that reads it, forever, so it is
 * refused at the door as a field error.
 */
public final class StorableInput {
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant LATEST_INSTANT = LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int MAX_DEPTH = 8;

    private StorableInput() {
    }

    /** Walks a request body (records, lists, maps) and throws {@link InvalidInput} naming the first bad field. */
    public static void check(Object body) {
        walk(body, "", 0);
    }

    static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') return "contains a NUL character";
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) return "is not valid Unicode text";
        }
        return null;
    }

    private static void walk(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) return;
        switch (value) {
            case String text -> {
                String problem = problemWith(text);
                if (problem != null) throw new InvalidInput(name(path), problem + ".");
            }
            case LocalDate date -> {
                if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                    throw new InvalidInput(name(path), "must be between " + EARLIEST_DATE + " and " + LATEST_DATE + ".");
                }
            }
            case Instant instant -> {
                if (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(LATEST_INSTANT)) {
                    throw new InvalidInput(name(path), "must be between " + EARLIEST_DATE + " and " + LATEST_DATE + ".");
                }
            }
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) walk(item, path + "[" + i++ + "]", depth + 1);
            }
            case Map<?, ?> map -> map.forEach((k, v) -> walk(v, path + "." + k, depth + 1));
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    walk(read(component, record), path + "." + component.getName(), depth + 1);
                }
            }
            default -> {
                // numbers, booleans and enums are storable as parsed
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String name(String path) {
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
    }
}
