package org.helpline.hours;

import io.micronaut.data.repository.CrudRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.helpline.supervisor.CsrfProtection;
import org.helpline.supervisor.RequestRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Supervisors keep the opening hours: weekly hours and dated exceptions such as holidays, in the helpline's time
 * zone. The queue reads them on every caller's way in, so a change holds at once.
 */
@Controller("/supervisor/hours")
// The router matches the Accept header to this; left out, a page would offer only JSON (Micronaut's default).
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HoursPages {

    private static final Logger LOG = LoggerFactory.getLogger(HoursPages.class);

    /** A weekly row as shown: its day's name and times as HH:MM. */
    record WeeklyRow(long id, String day, String opens, String closes) {
    }

    /** A dated exception as shown. */
    record HolidayRow(long id, String date, String name, String hours) {
    }

    private final WeeklyHoursRepository weekly;
    private final HolidayRepository holidays;
    private final OpeningHours openingHours;

    HoursPages(WeeklyHoursRepository weekly, HolidayRepository holidays, OpeningHours openingHours) {
        this.weekly = weekly;
        this.holidays = holidays;
        this.openingHours = openingHours;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal) {
        return page(request, principal, List.of());
    }

    @Post("/weekly")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Object addWeekly(HttpRequest<?> request, Principal principal, @Body Map<String, String> form) {
        List<String> problems = new ArrayList<>();
        int day = parseDay(form.get("day"), problems);
        Integer opens = Times.minutes(form.get("opens"), "opening", problems);
        Integer closes = Times.minutes(form.get("closes"), "closing", problems);
        if (problems.isEmpty() && closes <= opens) {
            problems.add("The closing time must be after the opening time (24:00 means midnight at the end).");
        }
        if (!problems.isEmpty()) {
            return page(request, principal, problems);
        }
        weekly.save(new WeeklyHours(null, day, opens, closes));
        openingHours.changed();
        LOG.info("Supervisor {} added weekly hours", principal.getName());
        return back();
    }

    @Post("/holiday")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Object addHoliday(HttpRequest<?> request, Principal principal, @Body Map<String, String> form) {
        List<String> problems = new ArrayList<>();
        LocalDate date = null;
        try {
            date = LocalDate.parse(form.getOrDefault("date", "").strip());
        } catch (DateTimeParseException e) {
            problems.add("Write the date as YYYY-MM-DD, for example 2026-12-25.");
        }
        String name = form.getOrDefault("name", "").strip();
        if (name.isEmpty() || name.length() > 80) {
            problems.add("Give the day a name of at most 80 characters, for example Christmas Day.");
        }
        boolean closedAllDay = form.getOrDefault("opens", "").isBlank() && form.getOrDefault("closes", "").isBlank();
        Integer opens = closedAllDay ? null : Times.minutes(form.get("opens"), "opening", problems);
        Integer closes = closedAllDay ? null : Times.minutes(form.get("closes"), "closing", problems);
        if (opens != null && closes != null && closes <= opens) {
            problems.add("The closing time must be after the opening time.");
        }
        if (date != null && holidays.findByHolidayDate(date).isPresent()) {
            problems.add("That date already has its own hours; remove them first.");
        }
        if (!problems.isEmpty()) {
            return page(request, principal, problems);
        }
        holidays.save(new Holiday(null, date, opens, closes, name));
        openingHours.changed();
        LOG.info("Supervisor {} added a dated exception", principal.getName());
        return back();
    }

    @Post("/weekly/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Object removeWeekly(Principal principal, String id) {
        return remove(principal, id, weekly, "weekly hours",
            "Those hours are no longer listed; reload the page.");
    }

    @Post("/holiday/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Object removeHoliday(Principal principal, String id) {
        return remove(principal, id, holidays, "dated exception",
            "That date is no longer listed; reload the page.");
    }

    /** Removes a row that is still there; one already gone (another supervisor, a stale page) is said so. */
    private Object remove(Principal principal, String id, CrudRepository<?, Long> rows, String what, String gone) {
        Long key = parseId(id);
        if (key == null || !rows.existsById(key)) {
            throw RequestRefused.cannotChange(gone);
        }
        rows.deleteById(key);
        openingHours.changed();
        LOG.info("Supervisor {} removed {} {}", principal.getName(), what, id);
        return back();
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal,
                                                   List<String> problems) {
        List<WeeklyRow> rows = new ArrayList<>();
        List<WeeklyHours> all = new ArrayList<>();
        weekly.findAll().forEach(all::add);
        all.sort(Comparator.comparingInt(WeeklyHours::dayOfWeek).thenComparingInt(WeeklyHours::opensMinute));
        all.forEach(h -> rows.add(new WeeklyRow(h.id(), dayName(h.dayOfWeek()), Times.text(h.opensMinute()),
            Times.text(h.closesMinute()))));
        List<HolidayRow> days = new ArrayList<>();
        List<Holiday> dated = new ArrayList<>();
        holidays.findAll().forEach(dated::add);
        dated.sort(Comparator.comparing(Holiday::holidayDate));
        dated.forEach(h -> days.add(new HolidayRow(h.id(), h.holidayDate().toString(), h.name(),
            h.opensMinute() == null ? "closed all day" : Times.text(h.opensMinute()) + " to "
                + Times.text(h.closesMinute()))));

        Map<String, Object> model = new HashMap<>();
        model.put("me", principal.getName());
        model.put("csrf", CsrfProtection.token(request));
        model.put("zone", openingHours.zone().getId());
        model.put("weekly", rows);
        model.put("holidays", days);
        model.put("problems", problems);
        List<String> dayNames = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            dayNames.add(dayName(day));
        }
        model.put("dayNames", dayNames);
        return new ModelAndView<>("hours", model);
    }

    private static Long parseId(String id) {
        return id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }

    private static int parseDay(String value, List<String> problems) {
        for (int day = 1; day <= 7; day++) {
            if (dayName(day).equals(value)) {
                return day;
            }
        }
        problems.add("Choose a day of the week.");
        return 0;
    }

    private static String dayName(int day) {
        return DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static HttpResponse<?> back() {
        return HttpResponse.seeOther(URI.create("/supervisor/hours"));
    }
}
