package org.helpline.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One quarter hour's row of {@code rollup_calls}, changed in memory by taking out a call's old summary and adding
 * its new one. Used only by a writer holding the summary turn, which reads, changes and writes back the row.
 */
final class BucketCalls {

    private static final String COLUMNS = "calls, spanish, after_hours, queued, answered, abandoned, short_calls, "
        + "answer_seconds, answer_timed, abandon_seconds, abandon_timed, longest_wait";

    private long calls;
    private long spanish;
    private long afterHours;
    private long queued;
    private long answered;
    private long abandoned;
    private long shortCalls;
    private long answerSeconds;
    private long answerTimed;
    private long abandonSeconds;
    private long abandonTimed;
    private Integer longestWait;

    /** These buckets' rows; a bucket with no row yet starts at nothing. */
    static Map<Long, BucketCalls> read(Connection connection, Collection<Long> buckets) throws SQLException {
        Map<Long, BucketCalls> rows = new TreeMap<>();
        buckets.forEach(bucket -> rows.put(bucket, new BucketCalls()));
        BucketRows.each(connection, "bucket, " + COLUMNS, "rollup_calls", buckets,
            result -> rows.get(result.getLong(1)).load(result));
        return rows;
    }

    /** Replaces these buckets' rows; a bucket left with no call loses its row. */
    static void write(Connection connection, Map<Long, BucketCalls> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup_calls WHERE bucket = ?")) {
            for (long bucket : rows.keySet()) {
                delete.setLong(1, bucket);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_calls (bucket, " + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, BucketCalls> row : rows.entrySet()) {
                if (row.getValue().calls > 0) {
                    insert.setLong(1, row.getKey());
                    row.getValue().bind(insert);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Adds a call's summary ({@code sign} 1) or takes it out (-1), as the recompute in {@link CallRollups} counts. */
    void add(SummaryRow call, int sign) {
        boolean timedAnswer = call.answered() == 1 && call.answerSeconds() != null;
        boolean abandonedUnanswered = call.abandonedUnanswered();
        boolean timedAbandon = abandonedUnanswered && call.abandonSeconds() != null;
        calls += sign;
        spanish += sign * call.spanish();
        afterHours += sign * call.afterHours();
        queued += sign * call.queued();
        answered += sign * call.answered();
        abandoned += sign * (abandonedUnanswered ? 1 : 0);
        shortCalls += sign * (call.duration() != null && call.duration() < 10 ? 1 : 0);
        answerSeconds += sign * (timedAnswer ? call.answerSeconds() : 0);
        answerTimed += sign * (timedAnswer ? 1 : 0);
        abandonSeconds += sign * (timedAbandon ? call.abandonSeconds() : 0);
        abandonTimed += sign * (timedAbandon ? 1 : 0);
        // Taking a call out leaves the largest wait as it is: the caller makes sure its wait only ever grew.
        if (sign > 0 && call.longestWait() != null && (longestWait == null || call.longestWait() > longestWait)) {
            longestWait = call.longestWait();
        }
    }

    private void load(ResultSet result) throws SQLException {
        calls = result.getLong(2);
        spanish = result.getLong(3);
        afterHours = result.getLong(4);
        queued = result.getLong(5);
        answered = result.getLong(6);
        abandoned = result.getLong(7);
        shortCalls = result.getLong(8);
        answerSeconds = result.getLong(9);
        answerTimed = result.getLong(10);
        abandonSeconds = result.getLong(11);
        abandonTimed = result.getLong(12);
        int wait = result.getInt(13);
        longestWait = result.wasNull() ? null : wait;
    }

    private void bind(PreparedStatement insert) throws SQLException {
        long[] counts = {calls, spanish, afterHours, queued, answered, abandoned, shortCalls, answerSeconds,
            answerTimed, abandonSeconds, abandonTimed};
        for (int i = 0; i < counts.length; i++) {
            insert.setLong(2 + i, counts[i]);
        }
        if (longestWait == null) {
            insert.setNull(13, Types.INTEGER);
        } else {
            insert.setInt(13, longestWait);
        }
    }
}
