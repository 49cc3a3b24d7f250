package org.helpline.hours;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

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
        ZonedDateTime local = moment.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        try {
            Optional<Holiday> holiday = holidays.findByHolidayDate(local.toLocalDate());
            if (holiday.isPresent()) {
                Holiday day = holiday.get();
                return day.opensMinute() != null && day.closesMinute() != null
                    && within(minute, day.opensMinute(), day.closesMinute());
            }
            List<WeeklyHours> today = weekly.findByDayOfWeek(local.getDayOfWeek().getValue());
            return today.stream().anyMatch(hours -> within(minute, hours.opensMinute(), hours.closesMinute()));
        } catch (RuntimeException e) {
            LOG.warn("Opening hours unreadable, treating the line as open: {}", e.toString());
            return true;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    private static boolean within(int minute, int opens, int closes) {
        return minute >= opens && minute < closes;
    }
}
