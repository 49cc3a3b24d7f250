package org.helpline.hours;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.Hours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening hours at fixed moments, in the helpline's time zone (America/Chicago): weekday hours, the edge minute, a
 * holiday, and the weekend clocks change. Each moment is given in UTC so the zone's offset is part of the test.
 */
@MicronautTest(transactional = false)
class OpeningHoursTest {

    @Inject
    OpeningHours hours;

    @Inject
    WeeklyHoursRepository weekly;

    @Inject
    HolidayRepository holidays;

    @BeforeEach
    void weekdaysEightToEight() {
        holidays.deleteAll();
        weekly.deleteAll();
        for (int day = 1; day <= 5; day++) {
            weekly.save(new WeeklyHours(null, day, 8 * 60, 20 * 60));
        }
        weekly.save(new WeeklyHours(null, 6, 10 * 60, 14 * 60));
        hours.changed();
    }

    @AfterEach
    void openAroundTheClockAgain() {
        Hours.openAroundTheClock(weekly, holidays, hours);
    }

    @Test
    void whenNothingIsChangedThenTheLineIsOpenAroundTheClockAsTheSeedSays() {
        openAroundTheClockAgain();

        assertThat(hours.isOpen(Instant.parse("2026-12-06T09:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-06T05:59:59Z"))).isTrue();
    }

    @Test
    void whenItIsWithinWeekdayHoursThenTheLineIsOpenAndOutsideThemClosed() {
        // Thursday 3 December 2026; Chicago is UTC-6 in winter.
        assertThat(hours.isOpen(Instant.parse("2026-12-03T18:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-03T08:00:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-12-06T18:00:00Z"))).isFalse();
    }

    @Test
    void whenTheClockReachesTheEdgeMinuteThenOpeningIsInclusiveAndClosingExclusive() {
        assertThat(hours.isOpen(Instant.parse("2026-12-03T13:59:59Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-12-03T14:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-04T01:59:59Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-04T02:00:00Z"))).isFalse();
    }

    @Test
    void whenADayIsAHolidayThenItsOwnHoursReplaceTheWeeklyOnes() {
        holidays.save(new Holiday(null, LocalDate.parse("2026-12-25"), null, null, "Christmas Day"));
        holidays.save(new Holiday(null, LocalDate.parse("2026-12-24"), 8 * 60, 12 * 60, "Christmas Eve"));
        hours.changed();

        assertThat(hours.isOpen(Instant.parse("2026-12-25T18:00:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-12-24T17:59:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-12-24T18:00:00Z"))).isFalse();
    }

    @Test
    void whenTheClocksGoForwardOverAWeekendThenOpeningMovesWithLocalTime() {
        // Clocks go forward on Sunday 14 March 2027. Saturday the 13th opens 10:00 CST, which is 16:00 UTC.
        assertThat(hours.isOpen(Instant.parse("2027-03-13T15:59:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2027-03-13T16:00:00Z"))).isTrue();
        // Monday 15 March 2027 opens 08:00 CDT, which is 13:00 UTC, an hour earlier in UTC than before the change.
        assertThat(hours.isOpen(Instant.parse("2027-03-15T12:59:00Z"))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2027-03-15T13:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2027-03-12T13:00:00Z"))).isFalse();
    }

    @Test
    void whenTheClocksGoBackThenClosingMovesWithLocalTime() {
        // Sunday 7 November 2027 the clocks go back; Monday 8 November closes 20:00 CST = 02:00 UTC on the 9th.
        assertThat(hours.isOpen(Instant.parse("2027-11-09T01:59:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2027-11-09T02:00:00Z"))).isFalse();
        // The Friday before, 5 November, still CDT: closes 20:00 CDT = 01:00 UTC on the 6th.
        assertThat(hours.isOpen(Instant.parse("2027-11-06T00:59:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2027-11-06T01:00:00Z"))).isFalse();
    }
}
