package org.helpline.event;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups are kept by adding each call's change. Whatever order and batches a call's steps arrive in, and
 * whichever calls are forgotten, they must hold what a recount of the summaries and events from scratch gives.
 */
@MicronautTest(transactional = false)
class RollupsByChangeTest {

    private static final String[] STAGES = {"stage-new", "stage-denial", "stage-recovery", "stage-relapse"};

    @Inject
    CallEventRepository events;

    @Inject
    CallSummaries summaries;

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    // A two-hour window of its own, in a year no other test uses, so that its quarter hours hold only these calls.
    private final Instant from = Instant.parse("2003-01-01T00:00:00Z").plusSeconds(7200L * random.nextInt(100_000));
    private final Instant to = from.plusSeconds(7200);
    private final Set<String> sids = new HashSet<>();

    @AfterEach
    void forgetTheCalls() {
        summaries.forget(sids);
    }

    @Test
    void whenStepsArriveInShuffledBatchesThenTheRollupsEqualARecount() throws SQLException {
        for (List<CallEvent> batch : shuffledBatches(80)) {
            events.saveAll(batch);
            summaries.refresh(batch.stream().map(CallEvent::callSid).distinct().toList());
        }

        assertThat(kept()).as("seed %d", seed).isEqualTo(recounted()).isNotEmpty();
    }

    @Test
    void whenTheWriterSavesFirstTriesAndRetriesThenEachChoiceIsCountedOnce() throws SQLException {
        for (List<CallEvent> batch : shuffledBatches(60)) {
            int tries = random.nextInt(3);
            if (tries == 0) {
                // A first try that failed before reaching the database: only the retry writes it.
                store.save(batch, true);
            } else {
                store.save(batch, false);
            }
            if (tries == 2) {
                // A first try that was saved although it seemed to fail: the retry must add nothing.
                store.save(batch, true);
            }
            if (random.nextBoolean()) {
                summaries.refresh(batch.stream().map(CallEvent::callSid).distinct().toList());
            }
        }
        summaries.refresh(List.copyOf(sids));

        assertThat(kept()).as("seed %d", seed).isEqualTo(recounted())
            .anyMatch(line -> line.startsWith("choice "));
    }

    @Test
    void whenACallIsRefreshedTwiceOrForgottenThenTheRollupsEqualARecount() throws SQLException {
        List<CallEvent> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.addAll(call("CA" + run + i));
        }
        events.saveAll(all);
        List<String> calls = all.stream().map(CallEvent::callSid).distinct().toList();
        summaries.refresh(calls);
        summaries.refresh(calls.subList(0, 10));

        summaries.forget(calls.subList(20, 30));

        assertThat(kept()).as("seed %d", seed).isEqualTo(recounted()).isNotEmpty();
    }

    @Test
    void whenAnEarlierFirstStepMovesACallToAnotherQuarterHourThenItCountsOnlyThere() throws SQLException {
        String sid = "CA" + run + "moved";
        sids.add(sid);
        Instant start = from.plusSeconds(3600);
        events.saveAll(List.of(event(sid, "incoming", null, "main", "call-start", null, start),
            event(sid, "queue", null, "queue", "enqueued", null, start.plusSeconds(20)),
            event(sid, "queue", null, null, "hangup", 60, start.plusSeconds(80))));
        summaries.refresh(List.of(sid));
        // A repeated first webhook, recorded by another instance, with an earlier time in the quarter hour before.
        events.saveAll(List.of(event(sid, "incoming", null, "main", "call-start", null, start.minusSeconds(600))));

        summaries.refresh(List.of(sid));

        long earlier = start.minusSeconds(600).getEpochSecond() / 900 * 900;
        long later = start.getEpochSecond() / 900 * 900;
        assertThat(kept()).as("seed %d", seed).isEqualTo(recounted())
            .anyMatch(line -> line.startsWith("calls " + earlier + " 1 "))
            .noneMatch(line -> line.startsWith("calls " + later + " "));
    }

    /** The steps of this many random calls, shuffled, cut into batches of 1 to 40 steps. */
    private List<List<CallEvent>> shuffledBatches(int calls) {
        List<CallEvent> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.addAll(call("CA" + run + i));
        }
        Collections.shuffle(all, random);

        List<List<CallEvent>> batches = new ArrayList<>();
        for (int at = 0; at < all.size(); at += batches.get(batches.size() - 1).size()) {
            batches.add(all.subList(at, Math.min(all.size(), at + 1 + random.nextInt(40))));
        }
        return batches;
    }

    /** A call with random steps and times inside the window: language, menu keys, the queue, sometimes an end. */
    private List<CallEvent> call(String sid) {
        sids.add(sid);
        String language = random.nextInt(4) == 0 ? "es" : "en";
        Instant at = from.plusSeconds(random.nextInt(6600));
        List<CallEvent> steps = new ArrayList<>();
        steps.add(event(sid, "incoming", null, "main", "call-start", null, at));
        if (language.equals("es")) {
            at = at.plusSeconds(5);
            steps.add(new CallEvent(UUID.randomUUID(), sid, "main", "9", "main", "es", "language", null, at));
        }
        at = at.plusSeconds(10 + random.nextInt(400));
        String stage = STAGES[random.nextInt(STAGES.length)];
        steps.add(event(sid, "main", "1", "stages", "chosen", null, at, language));
        at = at.plusSeconds(5 + random.nextInt(30));
        steps.add(event(sid, "stages", String.valueOf(1 + random.nextInt(4)), stage, "chosen", null, at, language));
        if (random.nextBoolean()) {
            at = at.plusSeconds(60);
            steps.add(event(sid, stage, "0", "queue", "chosen", null, at, language));
            steps.add(event(sid, "queue", null, "queue", "enqueued", null, at, language));
            int waited = random.nextInt(300);
            at = at.plusSeconds(waited);
            String result = random.nextBoolean() ? "bridged" : "hangup";
            steps.add(event(sid, "queue", null, null, result, waited, at, language));
        }
        if (random.nextInt(5) > 0) {
            steps.add(event(sid, "status", null, null, "completed", random.nextInt(20) == 0 ? 5 : 600,
                at.plusSeconds(30), language));
        }
        return steps;
    }

    private static CallEvent event(String sid, String node, String key, String next, String detail, Integer seconds,
                                   Instant at) {
        return event(sid, node, key, next, detail, seconds, at, "en");
    }

    private static CallEvent event(String sid, String node, String key, String next, String detail, Integer seconds,
                                   Instant at, String language) {
        return new CallEvent(UUID.randomUUID(), sid, node, key, next, language, detail, seconds, at);
    }

    /** The window's roll-up rows as kept by the writer, one line each, sorted. */
    private List<String> kept() throws SQLException {
        String window = " WHERE bucket >= ? AND bucket < ?";
        return lines(List.of(
            "SELECT 'calls', bucket, calls, spanish, after_hours, queued, answered, abandoned, short_calls, "
                + "answer_seconds, answer_timed, abandon_seconds, abandon_timed, longest_wait FROM rollup_calls"
                + window,
            "SELECT 'answer', bucket, answer_seconds, calls FROM rollup_answer_times" + window,
            "SELECT 'last', bucket, last_node, calls FROM rollup_last_nodes" + window,
            "SELECT 'choice', bucket, node, choice, calls FROM rollup_choices" + window),
            from.getEpochSecond(), to.getEpochSecond());
    }

    /** The same rows counted afresh from the window's summaries and events. */
    private List<String> recounted() throws SQLException {
        String bucket = "CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900";
        String window = " FROM call_summary WHERE started_at >= ? AND started_at < ?";
        return lines(List.of(
            "SELECT 'calls', " + bucket + ", COUNT(*), SUM(spanish), SUM(after_hours), SUM(queued), SUM(answered), "
                + "SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN duration < 10 THEN 1 ELSE 0 END), "
                + "COALESCE(SUM(CASE WHEN answered = 1 THEN answer_seconds END), 0), "
                + "SUM(CASE WHEN answered = 1 AND answer_seconds IS NOT NULL THEN 1 ELSE 0 END), "
                + "COALESCE(SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN abandon_seconds END), 0), "
                + "SUM(CASE WHEN abandoned = 1 AND answered = 0 AND abandon_seconds IS NOT NULL THEN 1 ELSE 0 END), "
                + "MAX(longest_wait)" + window + " GROUP BY " + bucket,
            "SELECT 'answer', " + bucket + ", answer_seconds, COUNT(*)" + window
                + " AND answered = 1 AND answer_seconds IS NOT NULL GROUP BY " + bucket + ", answer_seconds",
            "SELECT 'last', " + bucket + ", last_node, COUNT(*)" + window
                + " AND ended = 1 AND last_node IS NOT NULL GROUP BY " + bucket + ", last_node",
            "SELECT 'choice', " + bucket.replace("started_at", "occurred_at") + ", node, choice, COUNT(*) "
                + "FROM call_event WHERE detail IN ('chosen', 'spoken', 'language') "
                + "AND occurred_at >= ? AND occurred_at < ? GROUP BY "
                + bucket.replace("started_at", "occurred_at") + ", node, choice"),
            from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }

    private List<String> lines(List<String> queries, Object start, Object end) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            for (String sql : queries) {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setObject(1, start);
                    select.setObject(2, end);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            List<String> values = new ArrayList<>();
                            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                                values.add(String.valueOf(result.getObject(i)));
                            }
                            lines.add(String.join(" ", values));
                        }
                    }
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
