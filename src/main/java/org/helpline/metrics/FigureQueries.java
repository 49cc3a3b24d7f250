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
 * The SQL behind the figures, in plain SQL that H2 and PostgreSQL both accept. Figures about calls read
 * {@code call_summary} (a row per call, kept by the event writer), so a month of a busy line is one indexed scan
 * of its calls rather than of all their steps. "The calls" are those that started in the range.
 */
@Singleton
class FigureQueries {

    private static final String IN_RANGE = " FROM call_summary WHERE started_at >= ? AND started_at < ?";

    /** Sums over the calls, one row. Times in seconds; means are null when there is nothing to average. */
    record Totals(int calls, int spanish, int queued, int answered, int abandoned, int shortCalls,
                  Double meanAnswerSeconds, Double meanAbandonSeconds, int answeredWithin, Integer longestWait) {
    }

    private final JdbcOperations jdbc;

    FigureQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<Long, Integer> callStartsByMinute(Instant start, Instant end) {
        String sql = "SELECT FLOOR(EXTRACT(EPOCH FROM started_at) / 60) AS start_minute, COUNT(*)" + IN_RANGE
            + " GROUP BY FLOOR(EXTRACT(EPOCH FROM started_at) / 60)";
        return query(sql, statement -> bind(statement, 1, start, end), rows -> {
            Map<Long, Integer> minutes = new HashMap<>();
            while (rows.next()) {
                minutes.put(rows.getLong(1), rows.getInt(2));
            }
            return minutes;
        });
    }

    @Transactional(readOnly = true)
    public Totals totals(Instant start, Instant end, int thresholdSeconds) {
        String sql = "SELECT COUNT(*), SUM(spanish), SUM(queued), SUM(answered), "
            + "SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN duration < 10 THEN 1 ELSE 0 END), "
            + "AVG(CASE WHEN answered = 1 THEN CAST(answer_seconds AS DOUBLE PRECISION) END), "
            + "AVG(CASE WHEN abandoned = 1 AND answered = 0 THEN CAST(abandon_seconds AS DOUBLE PRECISION) END), "
            + "SUM(CASE WHEN answered = 1 AND answer_seconds <= ? THEN 1 ELSE 0 END), "
            + "MAX(longest_wait)" + IN_RANGE;
        return query(sql, statement -> {
            statement.setInt(1, thresholdSeconds);
            bind(statement, 2, start, end);
        }, rows -> {
            rows.next();
            return new Totals(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5),
                rows.getInt(6), rows.getObject(7) == null ? null : rows.getDouble(7),
                rows.getObject(8) == null ? null : rows.getDouble(8), rows.getInt(9),
                rows.getObject(10) == null ? null : rows.getInt(10));
        });
    }

    /** Keys chosen (or spoken) at each menu during the range. */
    @Transactional(readOnly = true)
    public List<Figures.Choice> choices(Instant start, Instant end) {
        String sql = "SELECT node, choice, COUNT(*) FROM call_event WHERE detail IN ('chosen', 'spoken', "
            + "'language') AND occurred_at >= ? AND occurred_at < ? GROUP BY node, choice ORDER BY node, choice";
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
        String sql = "SELECT last_node, COUNT(*)" + IN_RANGE + " AND ended = 1 AND last_node IS NOT NULL "
            + "GROUP BY last_node";
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
        return query(sql, statement -> bind(statement, 1, start, end), rows -> {
            Map<String, Integer> statuses = new HashMap<>();
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getInt(2));
            }
            return statuses;
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
        String sql = "SELECT COUNT(*), MIN(e.occurred_at) FROM call_event e WHERE e.detail = 'enqueued' "
            + "AND e.occurred_at >= ? AND NOT EXISTS (SELECT 1 FROM call_event r WHERE r.call_sid = e.call_sid "
            + "AND r.occurred_at >= e.occurred_at AND (r.node = 'status' OR (r.node = 'queue' AND r.detail IN "
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

    private static void bind(PreparedStatement statement, int first, Instant start, Instant end)
        throws SQLException {
        statement.setObject(first, utc(start));
        statement.setObject(first + 1, utc(end));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
