package org.helpline.support;

import org.h2.tools.Server;

import java.sql.SQLException;

/**
 * An in-memory H2 database served over TCP by the test's own JVM, for tests that stop the database under a running
 * service or share one database between two instances. The service embeds H2; only tests reach it this way.
 */
public final class H2OverTcp implements AutoCloseable {

    private final Server server;

    private H2OverTcp(Server server) {
        this.server = server;
    }

    public static H2OverTcp start() {
        try {
            return new H2OverTcp(Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start H2's TCP server", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The JDBC URL of a database of this name, on this server. */
    public String url(String database) {
        return url(port(), database);
    }

    /** The JDBC URL of a database of this name on an H2 server reached at this port (a relay's, say). */
    public static String url(int port, String database) {
        return "jdbc:h2:tcp://localhost:" + port + "/mem:" + database
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** Stops the server: connections drop and new ones are refused, as when a database server goes down. */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
