package org.helpline.cluster;

import org.helpline.event.CallRollups;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The menu choices of one quarter hour, as the dashboard's roll-up counts them and as the events have them. */
final class Figures {

    /** What the roll-up counts as a menu choice: a key, a spoken answer, or the language chosen. */
    private static final String CHOICE_DETAILS = "('chosen', 'spoken', 'language')";

    private Figures() {
    }

    static long countedChoices(DataSource dataSource, Instant at) throws SQLException {
        return count(dataSource, "SELECT COALESCE(SUM(calls), 0) FROM rollup_choices WHERE bucket = ?",
            bucket(at));
    }

    /**
     * The choice events of one quarter hour that the writers have marked as counted (migration V10). Unmarked ones
     * may be there too, from other tests' instances that stopped before summarising: they are not counted yet.
     */
    static long markedChoiceEvents(DataSource dataSource, Instant at) throws SQLException {
        long bucket = bucket(at);
        return count(dataSource, "SELECT COUNT(*) FROM call_event WHERE detail IN " + CHOICE_DETAILS
            + " AND rolled_up = TRUE AND occurred_at >= ? AND occurred_at < ?", utc(bucket),
            utc(bucket + CallRollups.BUCKET_SECONDS));
    }

    /** A call's choice events not yet counted in the roll-up. */
    static long unmarkedChoiceEvents(DataSource dataSource, String callSid) throws SQLException {
        return count(dataSource, "SELECT COUNT(*) FROM call_event WHERE detail IN " + CHOICE_DETAILS
            + " AND rolled_up = FALSE AND call_sid = ?", callSid);
    }

    private static long bucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), CallRollups.BUCKET_SECONDS) * CallRollups.BUCKET_SECONDS;
    }

    private static OffsetDateTime utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    }

    private static long count(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
