package org.helpline.metrics;

import jakarta.inject.Singleton;
import org.helpline.hours.OpeningHours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads a report's range from a page's or an API's query: dates as YYYY-MM-DD, the last 30 days by default, at
 * most two years; the service-level threshold in seconds, 60 by default. Bad input gets a sentence saying why.
 */
@Singleton
class RangeParameters {

    static final int DEFAULT_THRESHOLD = 60;
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 731;

    /** A range and threshold, or the problem with the input. */
    record Parsed(ReportRange range, int threshold, String problem) {
    }

    private final OpeningHours hours;
    private final Clock clock;

    RangeParameters(OpeningHours hours, Clock clock) {
        this.hours = hours;
        this.clock = clock;
    }

    Parsed parse(String from, String to, String threshold) {
        LocalDate today = LocalDate.now(clock.withZone(hours.zone()));
        try {
            LocalDate end = blank(to) ? today : LocalDate.parse(to.strip());
            LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : LocalDate.parse(from.strip());
            if (end.isBefore(start)) {
                return problem("The end date is before the start date.");
            }
            if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                return problem("Choose a range of at most two years.");
            }
            int seconds = blank(threshold) ? DEFAULT_THRESHOLD : Integer.parseInt(threshold.strip());
            if (seconds < 1 || seconds > 3600) {
                return problem("The service level threshold must be between 1 and 3600 seconds.");
            }
            return new Parsed(new ReportRange(start, end, hours.zone()), seconds, null);
        } catch (DateTimeParseException e) {
            return problem("Dates must be written as YYYY-MM-DD, for example 2026-11-30.");
        } catch (NumberFormatException e) {
            return problem("The service level threshold must be a whole number of seconds.");
        }
    }

    private static Parsed problem(String why) {
        return new Parsed(null, DEFAULT_THRESHOLD, why);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
