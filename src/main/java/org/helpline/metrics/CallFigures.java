package org.helpline.metrics;

import jakarta.inject.Singleton;
import org.helpline.flow.CallFlow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's figures, each defined here once (the README repeats the definitions), in the contact-centre
 * industry's usual sense. "Calls" are the calls that started within the range, in the helpline's time zone.
 * <ul>
 * <li>calls by weekday and hour: when those calls started, local time, Monday first;</li>
 * <li>after-hours share: calls that started while the line was closed, by the opening hours in force when the
 *     call was recorded (a later change of hours does not rewrite history);</li>
 * <li>calls by language: a call is Spanish if any of its steps was in Spanish;</li>
 * <li>IVR containment: calls that never joined the specialists' queue, over all calls; beside it the share of
 *     calls that lasted under 10 seconds (by Twilio's call duration), which containment should not be mistaken
 *     for;</li>
 * <li>queued: calls that joined the queue; answered: bridged to a specialist; abandoned: hung up while waiting
 *     ({@code QueueResult=hangup}) and never answered; abandonment rate: abandoned over queued; average speed of
 *     answer: mean time in queue of answered calls; average time to abandon: mean time in queue of abandoned
 *     calls; service level: calls answered within the threshold, over queued calls; longest wait: the longest
 *     time in queue of any wait that ended (for a call that waited twice, its longer wait counts);</li>
 * <li>menu choices: how often each key (or its spoken word) was chosen at each menu during the range;</li>
 * <li>drop-off: calls that ended while at a menu, by the menu they were last at;</li>
 * <li>answers: the three questions' answers, as counts;</li>
 * <li>call backs: requests made in the range by status, and pending now with the oldest one's age;</li>
 * <li>right now: callers waiting in the queue, the longest current wait, call backs pending.</li>
 * </ul>
 */
@Singleton
public class CallFigures {

    private static final Set<String> NOT_ANSWERS = Set.of("0", "*");
    private static final Duration QUEUE_LOOKBACK = Duration.ofHours(4);
    private static final List<String> QUESTION_NODES = CallFlow.QUESTIONS;

    private final FigureQueries queries;
    private final CallFlow flow;
    private final Clock clock;

    CallFigures(FigureQueries queries, CallFlow flow, Clock clock) {
        this.queries = queries;
        this.flow = flow;
        this.clock = clock;
    }

    public Figures of(ReportRange range, int serviceLevelSeconds) {
        Instant start = range.start();
        Instant end = range.end();
        Instant now = clock.instant();

        List<List<Integer>> heatmap = emptyHeatmap();
        for (Map.Entry<Long, Integer> bucket : queries.callStartsByBucket(start, end).entrySet()) {
            ZonedDateTime local = Instant.ofEpochSecond(bucket.getKey()).atZone(range.zone());
            List<Integer> day = heatmap.get(local.getDayOfWeek().getValue() - 1);
            day.set(local.getHour(), day.get(local.getHour()) + bucket.getValue());
        }

        FigureQueries.Totals totals = queries.totals(start, end, serviceLevelSeconds);
        int afterHours = totals.afterHours();
        int calls = totals.calls();
        Map<String, Integer> languages = new LinkedHashMap<>();
        languages.put("en", calls - totals.spanish());
        languages.put("es", totals.spanish());
        int contained = calls - totals.queued();

        List<Figures.Choice> allChoices = queries.choices(start, end);
        // 0 (a specialist) and * (back) work at every menu; at a question they are a way out, not an answer.
        List<Figures.Choice> answers = allChoices.stream().filter(c -> QUESTION_NODES.contains(c.node()))
            .filter(c -> c.key() == null || !NOT_ANSWERS.contains(c.key())).toList();

        return new Figures(range.from().toString(), range.to().toString(), range.zone().getId(), calls, heatmap,
            afterHours, share(afterHours, calls), languages, contained, share(contained, calls),
            totals.shortCalls(), share(totals.shortCalls(), calls), queries.spokenEmergencies(start, end),
            queue(totals, serviceLevelSeconds),
            allChoices, dropOff(queries.lastSteps(start, end)), answers,
            callbacks(queries.callbacksByStatus(start, end), queries.pendingCallbacks(), now),
            right(now));
    }

    private static Figures.Queue queue(FigureQueries.Totals totals, int threshold) {
        return new Figures.Queue(totals.queued(), totals.answered(), totals.abandoned(),
            share(totals.abandoned(), totals.queued()), totals.meanAnswerSeconds(), totals.meanAbandonSeconds(),
            threshold, share(totals.answeredWithin(), totals.queued()), totals.longestWait());
    }

    private List<Figures.NodeCount> dropOff(Map<String, Integer> lastSteps) {
        List<Figures.NodeCount> counts = new ArrayList<>();
        lastSteps.forEach((nodeId, count) -> {
            boolean menu = flow.find(nodeId).map(node -> !node.isHandOff()).orElse(false);
            if (menu) {
                counts.add(new Figures.NodeCount(nodeId, count));
            }
        });
        counts.sort(Comparator.comparing(Figures.NodeCount::count).reversed()
            .thenComparing(Figures.NodeCount::node));
        return counts;
    }

    private static Figures.Callbacks callbacks(Map<String, Integer> byStatus, FigureQueries.Waiting pending,
                                               Instant now) {
        int done = byStatus.getOrDefault("done", 0);
        int failed = byStatus.getOrDefault("failed", 0);
        int open = byStatus.getOrDefault("pending", 0);
        Long oldest = pending.oldest() == null ? null : Duration.between(pending.oldest(), now).toMinutes();
        return new Figures.Callbacks(done + failed + open, done, failed, open, pending.count(), oldest);
    }

    private Figures.Now right(Instant now) {
        FigureQueries.Waiting waiting = queries.inQueue(now.minus(QUEUE_LOOKBACK));
        Long longest = waiting.oldest() == null ? null : Duration.between(waiting.oldest(), now).toSeconds();
        return new Figures.Now(waiting.count(), longest, queries.pendingCallbacks().count());
    }

    private static List<List<Integer>> emptyHeatmap() {
        List<List<Integer>> days = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            days.add(new ArrayList<>(java.util.Collections.nCopies(24, 0)));
        }
        return days;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

}
