package org.helpline.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What the texting opt-outs table holds, read with plain JDBC as someone inspecting the database would. */
public final class OptOutRows {

    private OptOutRows() {
    }

    /** Every row: the number's hash and when it opted out. */
    public static Map<String, Instant> read(DataSource dataSource) {
        Map<String, Instant> rows = new HashMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet found = connection.createStatement()
                 .executeQuery("SELECT number_hash, opted_out_at FROM sms_opt_out")) {
            while (found.next()) {
                rows.put(found.getString(1), found.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read sms_opt_out", e);
        }
        return rows;
    }
}
