package org.helpline.event;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.helpline.hours.OpeningHours;
import org.helpline.hours.Schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code call_summary}: each call's figures, recomputed from all its events whenever new ones are written.
 * Recomputing (rather than adding to the old row) makes it safe to repeat, and safe when two instances write steps
 * of the same call: writers take turns (migration V9). The quarter-hour roll-ups of those calls are recomputed in
 * the same transaction (see {@link CallRollups}), so the dashboard never sees a summary without its roll-up.
 */
@Singleton
public class CallSummaries {

    private final JdbcOperations jdbc;
    private final OpeningHours hours;

    CallSummaries(JdbcOperations jdbc, OpeningHours hours) {
        this.jdbc = jdbc;
        this.hours = hours;
    }

    /** Recomputes the summaries of these calls from their events, and the roll-ups they count in. */
    @Transactional
    public void refresh(Collection<String> callSids) {
        if (callSids.isEmpty()) {
            return;
        }
        List<String> sids = List.copyOf(callSids);
        String in = placeholders(sids.size());
        Schedule schedule = hours.schedule();
        jdbc.execute((Connection connection) -> {
            takeTurn(connection);
            // A call whose start moved (a repeated first webhook) leaves its old bucket too.
            Set<Long> buckets = CallRollups.startBuckets(connection, sids, in);
            try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM call_summary WHERE call_sid IN (" + in + ")")) {
                bind(delete, sids);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(insertSql(in))) {
                bind(insert, sids);
                insert.executeUpdate();
            }
            markAfterHours(connection, sids, in, schedule);
            buckets.addAll(CallRollups.startBuckets(connection, sids, in));
            CallRollups.refreshCalls(connection, buckets);
            CallRollups.refreshChoices(connection, CallRollups.choiceBuckets(connection, sids, in));
            return null;
        });
    }

    /**
     * Deletes these calls' events and summaries, and takes them out of the roll-ups: the buckets are found before
     * the rows they are found from go. For a retention purge (none yet) and for tests that clean up after
     * themselves.
     */
    @Transactional
    public void forget(Collection<String> callSids) {
        if (callSids.isEmpty()) {
            return;
        }
        List<String> sids = List.copyOf(callSids);
        String in = placeholders(sids.size());
        jdbc.execute((Connection connection) -> {
            takeTurn(connection);
            Set<Long> calls = CallRollups.startBuckets(connection, sids, in);
            Set<Long> choices = CallRollups.choiceBuckets(connection, sids, in);
            for (String table : List.of("call_summary", "call_event")) {
                try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE call_sid IN (" + in + ")")) {
                    bind(delete, sids);
                    delete.executeUpdate();
                }
            }
            CallRollups.refreshCalls(connection, calls);
            CallRollups.refreshChoices(connection, choices);
            return null;
        });
    }

    /** Waits for other instances' writers to commit, and holds them off until this transaction ends. */
    private static void takeTurn(Connection connection) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(
            "UPDATE summary_turn SET taken_at = CURRENT_TIMESTAMP WHERE id = 1")) {
            turn.executeUpdate();
        }
    }

    /** After hours is judged here, in Java, by the hours in force when the call is recorded. */
    private static void markAfterHours(Connection connection, List<String> sids, String in, Schedule schedule)
        throws SQLException {
        List<String> closed = new ArrayList<>();
        String sql = "SELECT call_sid, started_at FROM call_summary WHERE started_at IS NOT NULL AND call_sid IN ("
            + in + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, sids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!schedule.isOpen(rows.getObject(2, OffsetDateTime.class).toInstant())) {
                        closed.add(rows.getString(1));
                    }
                }
            }
        }
        if (closed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE call_summary SET after_hours = 1 "
            + "WHERE call_sid IN (" + placeholders(closed.size()) + ")")) {
            bind(update, closed);
            update.executeUpdate();
        }
    }

    private static String insertSql(String in) {
        return "INSERT INTO call_summary (call_sid, started_at, spanish, queued, answered, abandoned, "
            + "answer_seconds, abandon_seconds, longest_wait, duration, ended, last_node) "
            + "SELECT e.call_sid, "
            + "MIN(CASE WHEN e.detail = 'call-start' THEN e.occurred_at END), "
            + "MAX(CASE WHEN e.language = 'es' THEN 1 ELSE 0 END), "
            + "MAX(CASE WHEN e.detail = 'enqueued' THEN 1 ELSE 0 END), "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail = 'bridged' THEN 1 ELSE 0 END), "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail = 'hangup' THEN 1 ELSE 0 END), "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail = 'bridged' THEN e.seconds END), "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail = 'hangup' THEN e.seconds END), "
            + "MAX(CASE WHEN e.node = 'queue' AND e.detail IN " + QueueResults.SQL_LIST + " THEN e.seconds END), "
            + "MAX(CASE WHEN e.node = 'status' THEN e.seconds END), "
            + "MAX(CASE WHEN e.node = 'status' THEN 1 ELSE 0 END), "
            + "(SELECT s.next_node FROM call_event s WHERE s.call_sid = e.call_sid AND s.node <> 'status' "
            + "ORDER BY s.occurred_at DESC FETCH FIRST 1 ROW ONLY) "
            + "FROM call_event e WHERE e.call_sid IN (" + in + ") GROUP BY e.call_sid";
    }

    /** The inside of {@code IN (...)} for this many parameters. */
    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, List<String> sids) throws SQLException {
        for (int i = 0; i < sids.size(); i++) {
            statement.setString(i + 1, sids.get(i));
        }
    }
}
