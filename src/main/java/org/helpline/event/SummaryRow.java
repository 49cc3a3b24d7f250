package org.helpline.event;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One call's row of {@code call_summary}, as read before and after a refresh so that its change can be rolled up. */
record SummaryRow(String callSid, @Nullable OffsetDateTime startedAt, int spanish, int afterHours, int queued,
                  int answered, int abandoned, @Nullable Integer answerSeconds, @Nullable Integer abandonSeconds,
                  @Nullable Integer longestWait, @Nullable Integer duration, int ended, @Nullable String lastNode) {

    private static final String COLUMNS = "call_sid, started_at, spanish, after_hours, queued, answered, abandoned, "
        + "answer_seconds, abandon_seconds, longest_wait, duration, ended, last_node";

    /** These calls' rows, by CallSid; a call with no row yet is absent. */
    static Map<String, SummaryRow> read(Connection connection, List<String> sids, String in) throws SQLException {
        Map<String, SummaryRow> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM call_summary WHERE call_sid IN (" + in + ")")) {
            for (int i = 0; i < sids.size(); i++) {
                select.setString(i + 1, sids.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    SummaryRow row = new SummaryRow(result.getString(1), result.getObject(2, OffsetDateTime.class),
                        result.getInt(3), result.getInt(4), result.getInt(5), result.getInt(6), result.getInt(7),
                        integer(result, 8), integer(result, 9), integer(result, 10), integer(result, 11),
                        result.getInt(12), result.getString(13));
                    rows.put(row.callSid(), row);
                }
            }
        }
        return rows;
    }

    /** The quarter hour the call counts in, or null while its first step is unknown (then it counts nowhere). */
    @Nullable
    Long bucket() {
        if (startedAt == null) {
            return null;
        }
        return Math.floorDiv(startedAt.toEpochSecond(), CallRollups.BUCKET_SECONDS) * CallRollups.BUCKET_SECONDS;
    }

    /**
     * Whether going from this row to {@code later} can be rolled up by taking this row out and adding the later one.
     * Not when the call moved to another quarter hour, nor when its longest wait shrank: a bucket keeps only the
     * largest wait, which cannot be taken back. Both happen only when a call's steps arrive out of order. A row with
     * no start yet counts nowhere, so there is nothing to take out.
     */
    boolean changesByAdding(SummaryRow later) {
        if (bucket() == null) {
            return true;
        }
        return Objects.equals(bucket(), later.bucket())
            && (longestWait == null || later.longestWait != null && later.longestWait >= longestWait);
    }

    /** This row with its after-hours mark set as judged in Java. */
    SummaryRow afterHours(int closed) {
        return new SummaryRow(callSid, startedAt, spanish, closed, queued, answered, abandoned, answerSeconds,
            abandonSeconds, longestWait, duration, ended, lastNode);
    }

    /** Abandoned in the queue and never answered: what the dashboard counts as an abandoned call. */
    boolean abandonedUnanswered() {
        return abandoned == 1 && answered == 0;
    }

    private static Integer integer(ResultSet result, int column) throws SQLException {
        int value = result.getInt(column);
        return result.wasNull() ? null : value;
    }
}
