package org.duban.platform.department;

/** A department as both sides know it: a code like {@code PHARMACY} and its display name. */
public record Department(String code, String name) {
}
