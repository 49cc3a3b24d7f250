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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps {@code call_summary}: each call's figures, recomputed from all its events whenever new ones are written.
 * Recomputing (rather than adding to the old row) makes it safe to repeat, and safe when two instances write steps
 * of the same call: writers take turns (migration V9). The quarter-hour roll-ups take each call's change in the
 * same transaction (see {@link CallRollups}), so the dashboard never sees a summary without its roll-up.
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
            Map<String, SummaryRow> before = SummaryRow.read(connection, sids, in);
            try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM call_summary WHERE call_sid IN (" + in + ")")) {
                bind(delete, sids);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(insertSql(in))) {
                bind(insert, sids);
                insert.executeUpdate();
            }
            List<SummaryRow> after = markAfterHours(connection, SummaryRow.read(connection, sids, in).values(),
                schedule);
            CallRollups.addChanges(connection, before, after);
            ChoiceRollup.addNew(connection, sids, in);
            return null;
        });
    }

    /**
     * Deletes these calls' events and summaries, and takes them out of the roll-ups: their buckets and counted
     * choices are found before the rows they are found from go; the buckets are then recomputed, since a bucket's
     * longest wait cannot be taken back. For a retention purge (none yet) and for tests that clean up after
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
            Set<Long> buckets = new TreeSet<>();
            SummaryRow.read(connection, sids, in).values().forEach(call -> {
                if (call.bucket() != null) {
                    buckets.add(call.bucket());
                }
            });
            ChoiceRollup.takeOut(connection, sids, in);
            for (String table : List.of("call_summary", "call_event")) {
                try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE call_sid IN (" + in + ")")) {
                    bind(delete, sids);
                    delete.executeUpdate();
                }
            }
            CallRollups.refreshCalls(connection, buckets);
            return null;
        });
    }

    /**
     * Calls of these hours that no writer has fully summarised: a first step with no summary, a summary made from
     * fewer steps than the call now has, or a menu choice not counted. An instance killed or stopped while the
     * database was away leaves such calls behind (their steps saved, their summaries not); another writer catches
     * them up. Each kind of step is asked on its own, so that H2 reads only a range of the index on (detail,
     * occurred_at).
     */
    @Transactional
    public Set<String> leftBehind(Instant from, Instant to) {
        return jdbc.execute((Connection connection) -> {
            Set<String> calls = new TreeSet<>();
            String range = " AND e.occurred_at >= ? AND e.occurred_at < ?";
            calls.addAll(sids(connection, "SELECT DISTINCT e.call_sid FROM call_event e WHERE e.detail = "
                + "'call-start'" + range + " AND NOT EXISTS (SELECT 1 FROM call_summary s "
                + "WHERE s.call_sid = e.call_sid)", from, to));
            calls.addAll(sids(connection, "SELECT s.call_sid FROM call_summary s WHERE s.started_at >= ? "
                + "AND s.started_at < ? AND s.events <> (SELECT COUNT(*) FROM call_event e "
                + "WHERE e.call_sid = s.call_sid)", from, to));
            for (String detail : ChoiceRollup.DETAILS) {
                calls.addAll(sids(connection, "SELECT DISTINCT e.call_sid FROM call_event e WHERE e.detail = '"
                    + detail + "'" + range + " AND e.rolled_up = FALSE", from, to));
            }
            return calls;
        });
    }

    private static List<String> sids(Connection connection, String sql, Instant from, Instant to)
        throws SQLException {
        List<String> sids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, from.atOffset(ZoneOffset.UTC));
            select.setObject(2, to.atOffset(ZoneOffset.UTC));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    sids.add(result.getString(1));
                }
            }
        }
        return sids;
    }

    /** Waits for other instances' writers to commit, and holds them off until this transaction ends. */
    static void takeTurn(Connection connection) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(
            "UPDATE summary_turn SET taken_at = CURRENT_TIMESTAMP WHERE id = 1")) {
            turn.executeUpdate();
        }
    }

    /** After hours is judged here, in Java, by the hours in force when the call is recorded. */
    private static List<SummaryRow> markAfterHours(Connection connection, Collection<SummaryRow> calls,
                                                   Schedule schedule) throws SQLException {
        List<SummaryRow> marked = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (SummaryRow call : calls) {
            if (call.startedAt() != null && !schedule.isOpen(call.startedAt().toInstant())) {
                closed.add(call.callSid());
                marked.add(call.afterHours(1));
            } else {
                marked.add(call);
            }
        }
        if (!closed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE call_summary SET after_hours = 1 "
                + "WHERE call_sid IN (" + placeholders(closed.size()) + ")")) {
                bind(update, closed);
                update.executeUpdate();
            }
        }
        return marked;
    }

    private static String insertSql(String in) {
        return "INSERT INTO call_summary (call_sid, started_at, spanish, queued, answered, abandoned, "
            + "answer_seconds, abandon_seconds, longest_wait, duration, ended, last_node, events) "
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
            + "ORDER BY s.occurred_at DESC FETCH FIRST 1 ROW ONLY), "
            + "COUNT(*) "
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
