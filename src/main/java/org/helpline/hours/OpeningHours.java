package org.helpline.hours;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.helpline.outage.LastGoodCopy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether specialists take calls at a moment, by the weekly hours and dated exceptions, in the helpline's time zone
 * (so a daylight-saving change moves the hours with the local clock). Kept in memory as a {@link LastGoodCopy}: a
 * change on the hours page holds on the next call, and while the database is down the last hours read still
 * hold. If the hours have never been read, the line counts as open: better a caller waits in the queue than is
 * turned away by a fault.
 */
@Singleton
public class OpeningHours {

    private final WeeklyHoursRepository weekly;
    private final HolidayRepository holidays;
    private final ZoneId zone;
    private final LastGoodCopy<Schedule> copy;

    OpeningHours(WeeklyHoursRepository weekly, HolidayRepository holidays,
                 @Value("${helpline.hours.zone:America/Chicago}") String zone,
                 @Value("${helpline.database.copy-fresh-for:2s}") Duration freshFor) {
        this.weekly = weekly;
        this.holidays = holidays;
        this.zone = ZoneId.of(zone);
        this.copy = new LastGoodCopy<>("opening hours", freshFor, this::read);
    }

    public boolean isOpen(Instant moment) {
        return copy.get().map(schedule -> schedule.isOpen(moment)).orElse(true);
    }

    /** The whole schedule, for reports that ask about many moments; fails if it has never been read. */
    public Schedule schedule() {
        return copy.get().orElseThrow(() -> new IllegalStateException("The opening hours have not been read yet"));
    }

    /** Read before the first call, so no caller waits for it (or goes without it if the database then fails). */
    @EventListener
    void readAtStartUp(StartupEvent started) {
        copy.get();
    }

    /** After a change on this instance: the next call reads it. */
    public void changed() {
        copy.changed();
    }

    private Schedule read() {
        Map<LocalDate, Holiday> byDate = new HashMap<>();
        holidays.findAll().forEach(holiday -> byDate.put(holiday.holidayDate(), holiday));
        return new Schedule(zone, List.copyOf(weekly.findAll()), byDate);
    }

    public ZoneId zone() {
        return zone;
    }

}
