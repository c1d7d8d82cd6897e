package org.duban.query.ledger;

/** How personal data shows to roles that may not read it: enough to recognise, not to contact or identify. */
final class Masking {

    private Masking() {
    }

    /** 张三丰 → 张**: the family name only. */
    static String name(String name) {
        if (name == null || name.isEmpty()) return name;
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** 13800001234 → 138****1234. */
    static String keepEnds(String value, int head, int tail) {
        if (value == null || value.isEmpty()) return value;
        if (value.length() <= head + tail) return "*".repeat(value.length());
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
