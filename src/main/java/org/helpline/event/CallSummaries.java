package org.helpline.event;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Keeps {@code call_summary}: each call's figures, recomputed from all its events whenever new ones are written.
 * Recomputing (rather than adding to the old row) makes it safe to repeat, and safe when two instances write steps
 * of the same call.
 */
@Singleton
public class CallSummaries {

    private final JdbcOperations jdbc;

    CallSummaries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the summaries of these calls from their events. */
    @Transactional
    public void refresh(Collection<String> callSids) {
        if (callSids.isEmpty()) {
            return;
        }
        List<String> sids = List.copyOf(callSids);
        String in = String.join(", ", Collections.nCopies(sids.size(), "?"));
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM call_summary WHERE call_sid IN (" + in + ")")) {
                bind(delete, sids);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(insertSql(in))) {
                bind(insert, sids);
                insert.executeUpdate();
            }
            return null;
        });
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

    private static void bind(PreparedStatement statement, List<String> sids) throws SQLException {
        for (int i = 0; i < sids.size(); i++) {
            statement.setString(i + 1, sids.get(i));
        }
    }
}
