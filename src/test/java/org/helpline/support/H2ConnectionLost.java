package org.helpline.support;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the connection pool that an H2 connection whose server went away is dead. PostgreSQL's driver says so with
 * a connection-class SQL state, which the pool knows; H2 over TCP answers with its own codes (90067 connection
 * broken, 90121 database closed), so without this the pool would keep lending broken connections after the
 * server is back. Only tests reach H2 over TCP; the service embeds it.
 */
public final class H2ConnectionLost implements SQLExceptionOverride {

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == 90067 || sql.getErrorCode() == 90121)) {
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
