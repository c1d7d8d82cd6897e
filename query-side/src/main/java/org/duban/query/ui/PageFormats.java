package org.duban.query.ui;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times on the pages, in the app clock's zone (the hospital's), used from templates as {@code @pageFormats}. */
@Component("pageFormats")
public class PageFormats {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    PageFormats(Clock clock) {
        this.clock = clock;
    }

    public String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(clock.getZone()));
    }

    public String percent(Double rate) {
        return rate == null ? "–" : String.format("%.1f%%", rate * 100);
    }
}
