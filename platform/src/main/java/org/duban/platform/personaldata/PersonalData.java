package org.duban.platform.personaldata;

/** A complainant's personal data in plain text. Lives only in memory, never in a message or a table. */
public record PersonalData(String name, String phone, String idNumber) {
    public boolean isEmpty() {
        return blank(name) && blank(phone) && blank(idNumber);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
