package org.helpline.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the quarter-hour roll-ups (migration V8) that the dashboard sums: for each bucket touched by a batch, its
 * rows are recomputed from {@code call_summary} and {@code call_event}. Recomputing a whole bucket, like the
 * summaries, is safe to repeat and safe when two instances write calls of the same quarter hour. Runs inside the
 * summaries' transaction, on its connection.
 */
public final class CallRollups {

    /** A bucket's length. Every time zone's offset is a whole number of quarter hours. */
    public static final int BUCKET_SECONDS = 900;

    /** The events that count as a menu choice: a key, a spoken answer, or the language chosen. */
    private static final String CHOICE_DETAILS = "('chosen', 'spoken', 'language')";

    private static final String BUCKET_OF_START =
        "CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / " + BUCKET_SECONDS + ") AS BIGINT) * " + BUCKET_SECONDS;
    private static final String BUCKET_OF_EVENT =
        "CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / " + BUCKET_SECONDS + ") AS BIGINT) * " + BUCKET_SECONDS;
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
    private static final String CHOICES = "INSERT INTO rollup_choices (bucket, node, choice, calls) "
        + "SELECT CAST(? AS BIGINT), node, choice, SUM(calls) FROM (" + choicesOf("chosen") + " UNION ALL "
        + choicesOf("spoken") + " UNION ALL " + choicesOf("language") + ") choices GROUP BY node, choice";

    private CallRollups() {
    }

    /**
     * One kind of choice in a bucket. Asked kind by kind because H2 reads the whole index for {@code detail IN
     * (...)} with a time range (about a second on a million events), but only the bucket's entries for one kind.
     */
    private static String choicesOf(String detail) {
        return "SELECT node, choice, COUNT(*) AS calls FROM call_event WHERE detail = '" + detail + "' "
            + "AND occurred_at >= ? AND occurred_at < ? GROUP BY node, choice";
    }

    /** The buckets in which these calls started, as {@code call_summary} has them now. */
    static Set<Long> startBuckets(Connection connection, List<String> sids, String in) throws SQLException {
        return buckets(connection, "SELECT DISTINCT " + BUCKET_OF_START + " FROM call_summary WHERE started_at "
            + "IS NOT NULL AND call_sid IN (" + in + ")", sids);
    }

    /** The buckets in which these calls made a menu choice. */
    static Set<Long> choiceBuckets(Connection connection, List<String> sids, String in) throws SQLException {
        return buckets(connection, "SELECT DISTINCT " + BUCKET_OF_EVENT + " FROM call_event WHERE detail IN "
            + CHOICE_DETAILS + " AND call_sid IN (" + in + ")", sids);
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

    /** Recomputes the choice roll-ups of these buckets from the events. */
    static void refreshChoices(Connection connection, Collection<Long> buckets) throws SQLException {
        delete(connection, "rollup_choices", buckets);
        insert(connection, CHOICES, buckets);
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

    /** Binds the bucket, then its start and end to each time range the statement has. */
    private static void insert(Connection connection, String sql, Collection<Long> buckets) throws SQLException {
        int ranges = (int) sql.chars().filter(c -> c == '?').count() / 2;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (long bucket : buckets) {
                insert.setLong(1, bucket);
                for (int range = 0; range < ranges; range++) {
                    insert.setObject(2 + 2 * range, utc(bucket));
                    insert.setObject(3 + 2 * range, utc(bucket + BUCKET_SECONDS));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Set<Long> buckets(Connection connection, String sql, List<String> sids) throws SQLException {
        Set<Long> buckets = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < sids.size(); i++) {
                select.setString(i + 1, sids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    buckets.add(rows.getLong(1));
                }
            }
        }
        return buckets;
    }

    private static OffsetDateTime utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    }
}
