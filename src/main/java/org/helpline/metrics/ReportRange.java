package org.helpline.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a report covers, {@code from} to {@code to} inclusive, as local dates in the helpline's time zone: a
 * day that has 23 or 25 hours because the clocks change is still one whole day.
 */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

    public ReportRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts");
        }
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
