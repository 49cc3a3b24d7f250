package org.helpline.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Every figure of the supervisors' dashboard for one range. Each is defined once, in {@link CallFigures}, and in
 * the README; shares are fractions from 0 to 1, and null where there is nothing to divide by.
 */
@Serdeable
public record Figures(
    String from,
    String to,
    String zone,
    int calls,
    List<List<Integer>> callsByWeekdayAndHour,
    int afterHoursCalls,
    @Nullable Double afterHoursShare,
    Map<String, Integer> callsByLanguage,
    int containedCalls,
    @Nullable Double containment,
    int shortCalls,
    @Nullable Double shortCallShare,
    int spokenEmergencies,
    Queue queue,
    List<Choice> menuChoices,
    List<NodeCount> dropOff,
    List<Choice> answers,
    Callbacks callbacks,
    Now now) {

    /** Calls that joined the specialists' queue, and how their waits ended. Times in seconds. */
    @Serdeable
    public record Queue(int queued, int answered, int abandoned, @Nullable Double abandonmentRate,
                        @Nullable Double averageSpeedOfAnswer, @Nullable Double averageTimeToAbandon,
                        int serviceLevelSeconds, @Nullable Double serviceLevel, @Nullable Integer longestWait) {
    }

    /** How often a key (or its spoken word) was chosen at a menu. */
    @Serdeable
    public record Choice(String node, String key, int count) {
    }

    /** Calls whose last step was this menu, and that hung up there. */
    @Serdeable
    public record NodeCount(String node, int count) {
    }

    /** Call-back requests made in the range, by how they stand, and those pending now. */
    @Serdeable
    public record Callbacks(int requested, int done, int failed, int pending, int pendingNow,
                            @Nullable Long oldestPendingMinutes) {
    }

    /** The queue and call backs at this moment, whatever the range. */
    @Serdeable
    public record Now(int callersInQueue, @Nullable Long longestCurrentWaitSeconds, int callbacksPending) {
    }
}
