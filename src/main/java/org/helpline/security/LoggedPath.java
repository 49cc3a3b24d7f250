package org.helpline.security;

import java.util.regex.Pattern;

/**
 * A request path as a log line may show it: whoever sends a request chooses its path, so digits (a phone number,
 * say) and anything but letters, dashes and slashes become "_", and a long path is cut short.
 */
public final class LoggedPath {

    private static final Pattern UNLOGGABLE = Pattern.compile("[^A-Za-z/-]+");
    private static final int LONGEST = 80;

    private LoggedPath() {
    }

    public static String of(String path) {
        String shown = UNLOGGABLE.matcher(path).replaceAll("_");
        return shown.length() > LONGEST ? shown.substring(0, LONGEST) + "..." : shown;
    }
}
