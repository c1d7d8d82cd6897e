package org.duban.standalone.support;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move forward instead of sleeping. Axon stamps events from a static clock, so
 * {@link #install()} points it here and {@link #uninstall()} gives the JVM its system clock back.
 */
public final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public MovableClock install() {
        GenericEventMessage.clock = this;
        return this;
    }

    public static void uninstall() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
