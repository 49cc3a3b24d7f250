package org.helpline.metrics;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/** The figures as CSV: one row per number, {@code figure,detail,value}, for spreadsheets and reports. */
final class FiguresCsv {

    private FiguresCsv() {
    }

    static String write(Figures f) {
        StringBuilder csv = new StringBuilder("figure,detail,value\n");
        row(csv, "range", f.from() + " to " + f.to() + " (" + f.zone() + ")", "");
        row(csv, "calls", "", f.calls());
        row(csv, "after-hours calls", "", f.afterHoursCalls());
        row(csv, "after-hours share", "", f.afterHoursShare());
        f.callsByLanguage().forEach((language, count) -> row(csv, "calls by language", language, count));
        row(csv, "contained calls", "never joined the queue", f.containedCalls());
        row(csv, "IVR containment", "", f.containment());
        row(csv, "short calls", "under 10 seconds", f.shortCalls());
        row(csv, "short call share", "", f.shortCallShare());
        row(csv, "spoken emergencies", "calls", f.spokenEmergencies());
        Figures.Queue q = f.queue();
        row(csv, "queued", "", q.queued());
        row(csv, "answered", "", q.answered());
        row(csv, "abandoned", "", q.abandoned());
        row(csv, "abandonment rate", "", q.abandonmentRate());
        row(csv, "average speed of answer", "seconds", q.averageSpeedOfAnswer());
        row(csv, "average time to abandon", "seconds", q.averageTimeToAbandon());
        row(csv, "service level", "answered within " + q.serviceLevelSeconds() + " s", q.serviceLevel());
        row(csv, "longest wait", "seconds", q.longestWait());
        for (int day = 0; day < 7; day++) {
            String name = DayOfWeek.of(day + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            for (int hour = 0; hour < 24; hour++) {
                row(csv, "calls by weekday and hour", name + " " + String.format("%02d", hour),
                    f.callsByWeekdayAndHour().get(day).get(hour));
            }
        }
        f.menuChoices().forEach(c -> row(csv, "menu choice", c.node() + " key " + c.key(), c.count()));
        f.dropOff().forEach(d -> row(csv, "drop-off", d.node(), d.count()));
        f.answers().forEach(a -> row(csv, "answer", a.node() + " key " + a.key(), a.count()));
        Figures.Callbacks cb = f.callbacks();
        row(csv, "call backs requested", "", cb.requested());
        row(csv, "call backs done", "", cb.done());
        row(csv, "call backs failed", "", cb.failed());
        row(csv, "call backs pending", "of those requested in the range", cb.pending());
        row(csv, "call backs pending now", "", cb.pendingNow());
        row(csv, "oldest pending call back", "minutes", cb.oldestPendingMinutes());
        row(csv, "callers in queue now", "", f.now().callersInQueue());
        row(csv, "longest current wait", "seconds", f.now().longestCurrentWaitSeconds());
        return csv.toString();
    }

    private static void row(StringBuilder csv, String figure, String detail, Object value) {
        csv.append(quote(figure)).append(',').append(quote(detail)).append(',')
            .append(value == null ? "" : value).append('\n');
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
