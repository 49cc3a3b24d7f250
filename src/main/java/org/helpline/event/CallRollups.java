package org.helpline.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the quarter-hour roll-ups (migration V8) that the dashboard sums. A refresh adds each call's change: its
 * old summary is taken out of its bucket and the new one added, and each menu choice not yet counted is added once
 * (migration V10 marks it). So a refresh costs what its calls cost, not what their quarter hours hold. Where a
 * change cannot be added (a call moved to another quarter hour, or was forgotten) the bucket is recomputed from
 * {@code call_summary}. Runs inside the summaries' transaction, holding the summary turn, on its connection.
 */
public final class CallRollups {

    /** A bucket's length. Every time zone's offset is a whole number of quarter hours. */
    public static final int BUCKET_SECONDS = 900;

    private static final String CALLS_IN_BUCKET = " FROM call_summary WHERE started_at >= ? AND started_at < ?";

    private static final String CALLS = "INSERT INTO rollup_calls (bucket, calls, spanish, after_hours, queued, "
        + "answered, abandoned, short_calls, answer_seconds, answer_timed, abandon_seconds, abandon_timed, "
        + "longest_wait) SELECT CAST(? AS BIGINT), COUNT(*), SUM(spanish), SUM(after_hours), SUM(queued), "
        + "SUM(answered), SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN duration < 10 THEN 1 ELSE 0 END), "
        + "COALESCE(SUM(CASE WHEN answered = 1 THEN answer_seconds END), 0), "
        + "SUM(CASE WHEN answered = 1 AND answer_seconds IS NOT NULL THEN 1 ELSE 0 END), "
        + "COALESCE(SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN abandon_seconds END), 0), "
        + "SUM(CASE WHEN abandoned = 1 AND answered = 0 AND abandon_seconds IS NOT NULL THEN 1 ELSE 0 END), "
        + "MAX(longest_wait)" + CALLS_IN_BUCKET + " HAVING COUNT(*) > 0";
    private static final String ANSWER_TIMES = "INSERT INTO rollup_answer_times (bucket, answer_seconds, calls) "
        + "SELECT CAST(? AS BIGINT), answer_seconds, COUNT(*)" + CALLS_IN_BUCKET
        + " AND answered = 1 AND answer_seconds IS NOT NULL GROUP BY answer_seconds";
    private static final String LAST_NODES = "INSERT INTO rollup_last_nodes (bucket, last_node, calls) "
        + "SELECT CAST(? AS BIGINT), last_node, COUNT(*)" + CALLS_IN_BUCKET
        + " AND ended = 1 AND last_node IS NOT NULL GROUP BY last_node";

    private CallRollups() {
    }

    /**
     * Rolls up the change of these calls' summaries from {@code before} (read before the refresh; a new call has
     * none) to {@code after}. Buckets where a change cannot be added are recomputed instead, and take no change.
     */
    static void addChanges(Connection connection, Map<String, SummaryRow> before, Collection<SummaryRow> after)
        throws SQLException {
        Set<Long> recompute = new TreeSet<>();
        Set<Long> touched = new TreeSet<>();
        for (SummaryRow now : after) {
            SummaryRow was = before.get(now.callSid());
            if (was != null && !was.changesByAdding(now)) {
                addBucket(recompute, was);
                addBucket(recompute, now);
            } else {
                addBucket(touched, was);
                addBucket(touched, now);
            }
        }
        touched.removeAll(recompute);

        Map<Long, BucketCalls> calls = BucketCalls.read(connection, touched);
        KeyedCounts answerTimes = KeyedCounts.read(connection, "rollup_answer_times", List.of("answer_seconds"),
            touched);
        KeyedCounts lastNodes = KeyedCounts.read(connection, "rollup_last_nodes", List.of("last_node"), touched);
        for (SummaryRow now : after) {
            SummaryRow was = before.get(now.callSid());
            if (was != null && !was.changesByAdding(now)) {
                continue;
            }
            // A bucket that another call moved into or out of is recomputed, with this call's change in it.
            if (was != null && was.bucket() != null && touched.contains(was.bucket())) {
                count(was, -1, calls.get(was.bucket()), answerTimes, lastNodes);
            }
            if (now.bucket() != null && touched.contains(now.bucket())) {
                count(now, 1, calls.get(now.bucket()), answerTimes, lastNodes);
            }
        }
        BucketCalls.write(connection, calls);
        answerTimes.write(connection);
        lastNodes.write(connection);
        refreshCalls(connection, recompute);
    }

    /** Takes a call out of its bucket ({@code sign} -1) or adds it (1), in each roll-up of calls. */
    private static void count(SummaryRow call, int sign, BucketCalls bucketCalls, KeyedCounts answerTimes,
                              KeyedCounts lastNodes) {
        long bucket = call.bucket();
        bucketCalls.add(call, sign);
        if (call.answered() == 1 && call.answerSeconds() != null) {
            answerTimes.add(bucket, List.of(call.answerSeconds()), sign);
        }
        if (call.ended() == 1 && call.lastNode() != null) {
            lastNodes.add(bucket, List.of(call.lastNode()), sign);
        }
    }

    private static void addBucket(Set<Long> buckets, SummaryRow call) {
        if (call != null && call.bucket() != null) {
            buckets.add(call.bucket());
        }
    }

    /** Recomputes the call roll-ups of these buckets from the summaries. */
    static void refreshCalls(Connection connection, Collection<Long> buckets) throws SQLException {
        for (String table : List.of("rollup_calls", "rollup_answer_times", "rollup_last_nodes")) {
            delete(connection, table, buckets);
        }
        for (String insert : List.of(CALLS, ANSWER_TIMES, LAST_NODES)) {
            insert(connection, insert, buckets);
        }
    }

    private static void delete(Connection connection, String table, Collection<Long> buckets)
        throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE bucket = ?")) {
            for (long bucket : buckets) {
                delete.setLong(1, bucket);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Binds the bucket, then its start and end. */
    private static void insert(Connection connection, String sql, Collection<Long> buckets) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (long bucket : buckets) {
                insert.setLong(1, bucket);
                insert.setObject(2, utc(bucket));
                insert.setObject(3, utc(bucket + BUCKET_SECONDS));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static OffsetDateTime utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    }
}
