package org.helpline.metrics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind the figures: aggregates computed by the database (H2 or PostgreSQL, in plain SQL both accept),
 * so a month of a busy line is summed where it lies instead of being read into memory. "The calls" are those
 * whose first step ({@code call-start}) falls in the range; their later steps are looked for up to a day after.
 */
@Singleton
class FigureQueries {

    /** Queue results Twilio reports, as recorded in {@code call_event.detail}. */
    static final String RESULTS = "('bridged', 'hangup', 'leave', 'queue-full', 'error', 'system-error')";
    private static final Duration LONGEST_CALL = Duration.ofDays(1);
    private static final String CALLS = "WITH calls AS (SELECT DISTINCT call_sid FROM call_event "
        + "WHERE detail = 'call-start' AND occurred_at >= ? AND occurred_at < ?) ";
    private static final String OF_CALLS = " FROM call_event e JOIN calls c ON c.call_sid = e.call_sid "
        + "WHERE e.occurred_at >= ? AND e.occurred_at < ? ";

    /** Sums over the calls' steps, one row. */
    record Totals(int calls, int spanish, int queued, int answered, int abandoned, int shortCalls) {
    }

    /** One queue result's count and times. */
    record Result(int count, long totalSeconds, Integer longest, int withinThreshold) {
    }

    private final JdbcOperations jdbc;

    FigureQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<Long, Integer> callStartsByMinute(Instant start, Instant end) {
        String sql = "SELECT FLOOR(EXTRACT(EPOCH FROM occurred_at) / 60) AS start_minute, COUNT(*) FROM call_event "
            + "WHERE detail = 'call-start' AND occurred_at >= ? AND occurred_at < ? "
            + "GROUP BY FLOOR(EXTRACT(EPOCH FROM occurred_at) / 60)";
        return query(sql, statement -> bind(statement, start, end), rows -> {
            Map<Long, Integer> minutes = new HashMap<>();
            while (rows.next()) {
                minutes.put(rows.getLong(1), rows.getInt(2));
            }
            return minutes;
        });
    }

    @Transactional(readOnly = true)
    public Totals totals(Instant start, Instant end) {
        String sql = CALLS + ", per_call AS (SELECT e.call_sid, "
            + "MAX(CASE WHEN e.language = 'es' THEN 1 ELSE 0 END) AS spanish, "
            + "MAX(CASE WHEN e.detail = 'enqueued' THEN 1 ELSE 0 END) AS queued, "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail = 'bridged' THEN 1 ELSE 0 END) AS answered, "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail = 'hangup' THEN 1 ELSE 0 END) AS abandoned, "
            + "MAX(CASE WHEN e.node = 'status' THEN e.seconds END) AS duration"
            + OF_CALLS + "GROUP BY e.call_sid) "
            + "SELECT COUNT(*), SUM(spanish), SUM(queued), SUM(answered), "
            + "SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN duration < 10 THEN 1 ELSE 0 END) FROM per_call";
        return query(sql, statement -> bindCalls(statement, start, end), rows -> {
            rows.next();
            return new Totals(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5),
                rows.getInt(6));
        });
    }

    @Transactional(readOnly = true)
    public Map<String, Result> queueResults(Instant start, Instant end, int thresholdSeconds) {
        String sql = CALLS + "SELECT e.detail, COUNT(*), SUM(e.seconds), MAX(e.seconds), "
            + "SUM(CASE WHEN e.seconds <= ? THEN 1 ELSE 0 END)" + OF_CALLS
            + "AND e.node = 'queue' AND e.detail IN " + RESULTS + " GROUP BY e.detail";
        return query(sql, statement -> {
            bind(statement, start, end);
            statement.setInt(3, thresholdSeconds);
            statement.setObject(4, utc(start));
            statement.setObject(5, utc(end.plus(LONGEST_CALL)));
        }, rows -> {
            Map<String, Result> results = new HashMap<>();
            while (rows.next()) {
                Integer longest = rows.getObject(4) == null ? null : rows.getInt(4);
                results.put(rows.getString(1), new Result(rows.getInt(2), rows.getLong(3), longest, rows.getInt(5)));
            }
            return results;
        });
    }

    @Transactional(readOnly = true)
    public List<Figures.Choice> choices(Instant start, Instant end) {
        String sql = CALLS + "SELECT e.node, e.choice, COUNT(*)" + OF_CALLS
            + "AND e.detail IN ('chosen', 'spoken', 'language') GROUP BY e.node, e.choice ORDER BY e.node, e.choice";
        return query(sql, statement -> bindCalls(statement, start, end), rows -> {
            List<Figures.Choice> choices = new ArrayList<>();
            while (rows.next()) {
                choices.add(new Figures.Choice(rows.getString(1), rows.getString(2), rows.getInt(3)));
            }
            return choices;
        });
    }

    @Transactional(readOnly = true)
    public Map<String, Integer> lastSteps(Instant start, Instant end) {
        String sql = CALLS + ", steps AS (SELECT e.call_sid, e.next_node, "
            + "ROW_NUMBER() OVER (PARTITION BY e.call_sid ORDER BY e.occurred_at DESC) AS step_back"
            + OF_CALLS + "AND e.node <> 'status'), "
            + "ended AS (SELECT DISTINCT e.call_sid" + OF_CALLS + "AND e.node = 'status') "
            + "SELECT s.next_node, COUNT(*) FROM steps s JOIN ended d ON d.call_sid = s.call_sid "
            + "WHERE s.step_back = 1 AND s.next_node IS NOT NULL GROUP BY s.next_node";
        return query(sql, statement -> {
            bindCalls(statement, start, end);
            statement.setObject(5, utc(start));
            statement.setObject(6, utc(end.plus(LONGEST_CALL)));
        }, rows -> {
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
        return query(sql, statement -> bind(statement, start, end), rows -> {
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
            + RESULTS + ")))";
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

    private static void bind(PreparedStatement statement, Instant start, Instant end) throws SQLException {
        statement.setObject(1, utc(start));
        statement.setObject(2, utc(end));
    }

    /** The calls' range, then the window their later steps are looked for in. */
    private static void bindCalls(PreparedStatement statement, Instant start, Instant end) throws SQLException {
        bind(statement, start, end);
        statement.setObject(3, utc(start));
        statement.setObject(4, utc(end.plus(LONGEST_CALL)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
