package org.helpline.hours;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times of day as supervisors write them (HH:MM, 24-hour, 24:00 for the end of the day) and as minutes. */
final class Times {

    private static final Pattern HH_MM = Pattern.compile("([01]?[0-9]|2[0-4]):([0-5][0-9])");

    private Times() {
    }

    static Integer minutes(String text, String which, List<String> problems) {
        Matcher matcher = HH_MM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            problems.add("Write the " + which + " time as HH:MM on a 24-hour clock, for example 08:30 or 17:00.");
            return null;
        }
        int minutes = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
        if (minutes > 24 * 60) {
            problems.add("The " + which + " time cannot be after 24:00.");
            return null;
        }
        return minutes;
    }

    static String text(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
