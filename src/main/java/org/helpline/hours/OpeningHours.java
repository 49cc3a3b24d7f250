package org.helpline.hours;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether specialists take calls at a moment, by the weekly hours and dated exceptions, in the helpline's time zone
 * (so a daylight-saving change moves the hours with the local clock). Read on every queue entry so a supervisor's
 * change holds on the next call. If the hours cannot be read, the line counts as open: better a caller waits in
 * the queue than is turned away by a fault.
 */
@Singleton
public class OpeningHours {

    private static final Logger LOG = LoggerFactory.getLogger(OpeningHours.class);

    private final WeeklyHoursRepository weekly;
    private final HolidayRepository holidays;
    private final ZoneId zone;

    OpeningHours(WeeklyHoursRepository weekly, HolidayRepository holidays,
                 @Value("${helpline.hours.zone:America/Chicago}") String zone) {
        this.weekly = weekly;
        this.holidays = holidays;
        this.zone = ZoneId.of(zone);
    }

    public boolean isOpen(Instant moment) {
        try {
            return schedule().isOpen(moment);
        } catch (RuntimeException e) {
            LOG.warn("Opening hours unreadable, treating the line as open: {}", e.toString());
            return true;
        }
    }

    /** The whole schedule, read once, for reports that ask about many moments. */
    public Schedule schedule() {
        Map<LocalDate, Holiday> byDate = new HashMap<>();
        holidays.findAll().forEach(holiday -> byDate.put(holiday.holidayDate(), holiday));
        return new Schedule(zone, List.copyOf(weekly.findAll()), byDate);
    }

    public ZoneId zone() {
        return zone;
    }

}
