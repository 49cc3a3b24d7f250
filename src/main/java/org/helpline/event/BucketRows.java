package org.helpline.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/** Reads a roll-up table's rows of some quarter hours, for the classes that change them in memory. */
final class BucketRows {

    /** What is done with each row read. */
    interface Row {
        void read(ResultSet result) throws SQLException;
    }

    private BucketRows() {
    }

    /** Runs {@code SELECT columns FROM table} for these buckets and hands each row over; nothing for no bucket. */
    static void each(Connection connection, String columns, String table, Collection<Long> buckets, Row row)
        throws SQLException {
        if (buckets.isEmpty()) {
            return;
        }
        String sql = "SELECT " + columns + " FROM " + table + " WHERE bucket IN ("
            + String.join(", ", buckets.stream().map(bucket -> "?").toList()) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (long bucket : buckets) {
                select.setLong(index++, bucket);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    row.read(result);
                }
            }
        }
    }
}
