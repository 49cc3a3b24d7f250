package org.helpline.event;

import java.util.Set;
import java.util.stream.Collectors;

/** Twilio's {@code QueueResult} values: how a caller's wait in the queue ended, as recorded in call events. */
public final class QueueResults {

    public static final Set<String> ALL = Set.of("bridged", "bridging-in-process", "hangup", "leave", "queue-full",
        "error", "system-error", "redirected");

    /** The same values as an SQL list, for {@code detail IN (...)}. */
    public static final String SQL_LIST = ALL.stream().sorted().map(result -> "'" + result + "'")
        .collect(Collectors.joining(", ", "(", ")"));

    private QueueResults() {
    }
}
