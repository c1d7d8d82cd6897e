package org.duban.query.ranking;

import org.duban.api.error.InvalidInput;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A month ({@code 2026-10}, 月排名) or a year ({@code 2026}, 年评比), as an interval of record time in the hospital's zone. */
record RankingPeriod(String label, LocalDate first, LocalDate afterLast) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");

    static RankingPeriod parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) throw new InvalidInput("period", "must be a month (2026-10) or a year (2026).");
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) return year(year);
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            return month(month);
        } catch (DateTimeException e) {
            throw new InvalidInput("period", "must be a month (2026-10) or a year (2026).");
        }
    }

    private static RankingPeriod year(int year) {
        return new RankingPeriod(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    private static RankingPeriod month(YearMonth month) {
        return new RankingPeriod(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    boolean isYear() {
        return label.length() == 4;
    }

    /** The month or year before this one. */
    RankingPeriod previous() {
        return isYear() ? year(first.getYear() - 1) : month(YearMonth.from(first).minusMonths(1));
    }

    Instant start(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return afterLast.atStartOfDay(zone).toInstant();
    }
}
