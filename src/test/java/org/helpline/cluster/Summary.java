package org.helpline.cluster;

import io.micronaut.core.annotation.Nullable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A call's row in {@code call_summary}, or what a test expects it to be. */
record Summary(boolean started, boolean spanish, boolean queued, boolean answered, boolean abandoned,
               @Nullable Integer answerSeconds, @Nullable Integer abandonSeconds, @Nullable Integer longestWait,
               @Nullable Integer duration, boolean ended, @Nullable String lastNode) {

    /** A call that never joined the queue and hung up at {@code lastNode}. */
    static Summary selfService(String lastNode, int duration) {
        return new Summary(true, false, false, false, false, null, null, null, duration, true, lastNode);
    }

    static Summary answered(int wait, int duration) {
        return new Summary(true, false, true, true, false, wait, null, wait, duration, true, null);
    }

    static Summary abandoned(int wait, int duration) {
        return new Summary(true, false, true, false, true, null, wait, wait, duration, true, null);
    }

    /** Left the queue for a call back and hung up once it was kept. */
    static Summary calledBack(int wait, int duration) {
        return new Summary(true, false, true, false, false, null, null, wait, duration, true, null);
    }

    Summary inSpanish() {
        return new Summary(started, true, queued, answered, abandoned, answerSeconds, abandonSeconds, longestWait,
            duration, ended, lastNode);
    }

    static Optional<Summary> read(DataSource dataSource, String callSid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT started_at, spanish, queued, answered, "
                 + "abandoned, answer_seconds, abandon_seconds, longest_wait, duration, ended, last_node "
                 + "FROM call_summary WHERE call_sid = ?")) {
            select.setString(1, callSid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Summary(row.getObject("started_at") != null, row.getInt("spanish") == 1,
                    row.getInt("queued") == 1, row.getInt("answered") == 1, row.getInt("abandoned") == 1,
                    row.getObject("answer_seconds", Integer.class), row.getObject("abandon_seconds", Integer.class),
                    row.getObject("longest_wait", Integer.class), row.getObject("duration", Integer.class),
                    row.getInt("ended") == 1, row.getString("last_node")));
            }
        }
    }
}
