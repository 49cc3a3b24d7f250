package org.helpline.metrics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import org.helpline.event.QueueResults;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind the figures, in plain SQL that H2 and PostgreSQL both accept. Figures about calls and choices sum
 * the quarter-hour roll-ups that the event writer keeps (see {@code CallRollups}), so a month of a busy line is
 * about 3,000 rows whatever its number of calls. "The calls" are those that started in the range; a range starts
 * and ends on a local midnight, which is always the start of a bucket.
 */
@Singleton
class FigureQueries {

    private static final String IN_RANGE = " WHERE bucket >= ? AND bucket < ?";

    /** Sums over the calls, one row. Times in seconds; means are null when there is nothing to average. */
    record Totals(int calls, int spanish, int afterHours, int queued, int answered, int abandoned, int shortCalls,
                  Double meanAnswerSeconds, Double meanAbandonSeconds, int answeredWithin, Integer longestWait) {
    }

    private final JdbcOperations jdbc;

    FigureQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Calls started in each quarter hour of the range that had any, by the epoch second it starts at. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> callStartsByBucket(Instant start, Instant end) {
        String sql = "SELECT bucket, calls FROM rollup_calls" + IN_RANGE;
        return query(sql, statement -> bind(statement, 1, start, end), rows -> {
            Map<Long, Integer> buckets = new HashMap<>();
            while (rows.next()) {
                buckets.put(rows.getLong(1), rows.getInt(2));
            }
            return buckets;
        });
    }

    @Transactional(readOnly = true)
    public Totals totals(Instant start, Instant end, int thresholdSeconds) {
        String sql = "SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(spanish), 0), COALESCE(SUM(after_hours), 0), "
            + "COALESCE(SUM(queued), 0), COALESCE(SUM(answered), 0), COALESCE(SUM(abandoned), 0), "
            + "COALESCE(SUM(short_calls), 0), SUM(answer_seconds), SUM(answer_timed), SUM(abandon_seconds), "
            + "SUM(abandon_timed), MAX(longest_wait), "
            + "(SELECT COALESCE(SUM(calls), 0) FROM rollup_answer_times" + IN_RANGE + " AND answer_seconds <= ?) "
            + "FROM rollup_calls" + IN_RANGE;
        return query(sql, statement -> {
            bind(statement, 1, start, end);
            statement.setInt(3, thresholdSeconds);
            bind(statement, 4, start, end);
        }, rows -> {
            rows.next();
            return new Totals(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5),
                rows.getInt(6), rows.getInt(7), mean(rows.getLong(8), rows.getLong(9)),
                mean(rows.getLong(10), rows.getLong(11)), rows.getInt(13),
                rows.getObject(12) == null ? null : rows.getInt(12));
        });
    }

    /** Keys chosen (or spoken) at each menu during the range. */
    @Transactional(readOnly = true)
    public List<Figures.Choice> choices(Instant start, Instant end) {
        String sql = "SELECT node, choice, SUM(calls) FROM rollup_choices" + IN_RANGE
            + " GROUP BY node, choice ORDER BY node, choice";
        return query(sql, statement -> bind(statement, 1, start, end), rows -> {
            List<Figures.Choice> choices = new ArrayList<>();
            while (rows.next()) {
                choices.add(new Figures.Choice(rows.getString(1), rows.getString(2), rows.getInt(3)));
            }
            return choices;
        });
    }

    /** Ended calls by the node their last step led to. */
    @Transactional(readOnly = true)
    public Map<String, Integer> lastSteps(Instant start, Instant end) {
        String sql = "SELECT last_node, SUM(calls) FROM rollup_last_nodes" + IN_RANGE + " GROUP BY last_node";
        return query(sql, statement -> bind(statement, 1, start, end), rows -> {
            Map<String, Integer> nodes = new HashMap<>();
            while (rows.next()) {
                nodes.put(rows.getString(1), rows.getInt(2));
            }
            return nodes;
        });
    }

    @Transactional(readOnly = true)
    public Map<String, Integer> callbacksByStatus(Instant start, Instant end) {
        String sql = "SELECT status, COUNT(*) FROM callback_request WHERE requested_at >= ? AND requested_at < ? "
            + "GROUP BY status";
        return query(sql, statement -> bindTimes(statement, 1, start, end), rows -> {
            Map<String, Integer> statuses = new HashMap<>();
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getInt(2));
            }
            return statuses;
        });
    }

    /**
     * Calls in which the caller spoke of an overdose in progress or someone not breathing, during the range. Read
     * from the steps themselves (rare, and found through the index on the kind of step and its time).
     */
    @Transactional(readOnly = true)
    public int spokenEmergencies(Instant start, Instant end) {
        String sql = "SELECT COUNT(DISTINCT call_sid) FROM call_event WHERE detail = 'emergency' "
            + "AND occurred_at >= ? AND occurred_at < ?";
        return query(sql, statement -> bindTimes(statement, 1, start, end), rows -> {
            rows.next();
            return rows.getInt(1);
        });
    }

    /** Pending call backs now: how many, and when the oldest was asked for. */
    @Transactional(readOnly = true)
    public Waiting pendingCallbacks() {
        String sql = "SELECT COUNT(*), MIN(requested_at) FROM callback_request WHERE status = 'pending'";
        return query(sql, statement -> { }, Waiting::from);
    }

    /** Callers in the queue now: joined in the last few hours, with no queue result and no end of call since. */
    @Transactional(readOnly = true)
    public Waiting inQueue(Instant since) {
        // A queue result ends only the wait it follows (a caller may join again); the call's end, whenever it
        // came, ends every wait: Twilio's requests can arrive out of order.
        String sql = "SELECT COUNT(*), MIN(e.occurred_at) FROM call_event e WHERE e.detail = 'enqueued' "
            + "AND e.occurred_at >= ? AND NOT EXISTS (SELECT 1 FROM call_event r WHERE r.call_sid = e.call_sid "
            + "AND (r.node = 'status' OR (r.occurred_at >= e.occurred_at AND r.node = 'queue' AND r.detail IN "
            + QueueResults.SQL_LIST + ")))";
        return query(sql, statement -> statement.setObject(1, utc(since)), Waiting::from);
    }

    /** A count and the oldest moment among them. */
    record Waiting(int count, Instant oldest) {
        static Waiting from(ResultSet rows) throws SQLException {
            rows.next();
            OffsetDateTime oldest = rows.getObject(2, OffsetDateTime.class);
            return new Waiting(rows.getInt(1), oldest == null ? null : oldest.toInstant());
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<R> {
        R read(ResultSet rows) throws SQLException;
    }

    private <R> R query(String sql, Binder binder, Reader<R> reader) {
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }

    /** Binds a range as bucket numbers: the epoch seconds of its ends. */
    private static void bind(PreparedStatement statement, int first, Instant start, Instant end)
        throws SQLException {
        statement.setLong(first, start.getEpochSecond());
        statement.setLong(first + 1, end.getEpochSecond());
    }

    private static void bindTimes(PreparedStatement statement, int first, Instant start, Instant end)
        throws SQLException {
        statement.setObject(first, utc(start));
        statement.setObject(first + 1, utc(end));
    }

    /** A mean from a sum and a count, or null when nothing was counted (SUM over no rows reads as 0). */
    private static Double mean(long total, long count) {
        return count == 0 ? null : (double) total / count;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
