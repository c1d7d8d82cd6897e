package org.duban.api.department;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A department's code, e.g. {@code PHARMACY}: upper case letters, digits and underscores. */
public record DepartmentCode(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public DepartmentCode {
        Objects.requireNonNull(value, "department code");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a department code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @JsonCreator
    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
