package org.helpline.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of some quarter hours of a roll-up table that counts calls by a key ({@code rollup_answer_times},
 * {@code rollup_last_nodes}, {@code rollup_choices}): read, changed in memory, then written back whole. A bucket
 * holds tens of rows at most, so rewriting it costs little, and needs no upsert, which H2 and PostgreSQL spell
 * differently (and {@code rollup_choices} has a nullable key). Used only by a writer holding the summary turn.
 */
final class KeyedCounts {

    private final String table;
    private final List<String> keyColumns;
    private final Map<Long, Map<List<Object>, Integer>> counts = new TreeMap<>();

    private KeyedCounts(String table, List<String> keyColumns) {
        this.table = table;
        this.keyColumns = keyColumns;
    }

    /** The rows of these buckets; only these buckets may then be changed. */
    static KeyedCounts read(Connection connection, String table, List<String> keyColumns, Collection<Long> buckets)
        throws SQLException {
        KeyedCounts rows = new KeyedCounts(table, keyColumns);
        buckets.forEach(bucket -> rows.counts.put(bucket, new HashMap<>()));
        BucketRows.each(connection, "bucket, " + String.join(", ", keyColumns) + ", calls", table, buckets, result -> {
            Object[] key = new Object[keyColumns.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = result.getObject(2 + i);
            }
            rows.add(result.getLong(1), Arrays.asList(key), result.getInt(2 + key.length));
        });
        return rows;
    }

    /** Adds {@code change} (negative to take calls out) to the count of this key in this bucket. */
    void add(long bucket, List<Object> key, int change) {
        Map<List<Object>, Integer> bucketCounts = counts.get(bucket);
        if (bucketCounts == null) {
            throw new IllegalStateException("Bucket " + bucket + " of " + table + " was not read");
        }
        bucketCounts.merge(key, change, Integer::sum);
    }

    /** Replaces the buckets' rows with the counts now held; a key counted down to nothing loses its row. */
    void write(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE bucket = ?")) {
            for (long bucket : counts.keySet()) {
                delete.setLong(1, bucket);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.add(0, "bucket");
        columns.add("calls");
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map.Entry<Long, Map<List<Object>, Integer>> bucket : counts.entrySet()) {
                for (Map.Entry<List<Object>, Integer> count : bucket.getValue().entrySet()) {
                    if (count.getValue() > 0) {
                        bind(insert, bucket.getKey(), count.getKey(), count.getValue());
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, long bucket, List<Object> key, int calls)
        throws SQLException {
        insert.setLong(1, bucket);
        for (int i = 0; i < key.size(); i++) {
            if (key.get(i) == null) {
                insert.setNull(2 + i, Types.VARCHAR);
            } else {
                insert.setObject(2 + i, key.get(i));
            }
        }
        insert.setInt(2 + key.size(), calls);
    }
}
