package org.helpline.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** The opening hours as read at one moment: weekly rows and dated exceptions, in the helpline's time zone. */
public record Schedule(ZoneId zone, List<WeeklyHours> weekly, Map<LocalDate, Holiday> holidays) {

    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        Holiday holiday = holidays.get(local.toLocalDate());
        if (holiday != null) {
            return holiday.opensMinute() != null && holiday.closesMinute() != null
                && minute >= holiday.opensMinute() && minute < holiday.closesMinute();
        }
        int day = local.getDayOfWeek().getValue();
        return weekly.stream().anyMatch(hours -> hours.dayOfWeek() == day
            && minute >= hours.opensMinute() && minute < hours.closesMinute());
    }
}
