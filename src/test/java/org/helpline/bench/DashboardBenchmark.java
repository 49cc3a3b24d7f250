package org.helpline.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.helpline.event.CallSummaries;
import org.helpline.metrics.CallFigures;
import org.helpline.metrics.Figures;
import org.helpline.metrics.ReportRange;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Not a test: loads one million call events into H2 and into PostgreSQL, then times the dashboard's queries for a
 * 30-day range. Run it with {@code bench/dashboard.sh}; it writes {@code bench/dashboard-results.md}.
 */
public final class DashboardBenchmark {

    private static final int EVENTS = 1_000_000;
    private static final int DAYS = 60;
    private static final int RUNS = 15;
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-11-30");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> report = new ArrayList<>();
        report.add("# Dashboard query benchmark");
        report.add("");
        report.add("Command: `bench/dashboard.sh` (run from the repository root). Machine: "
            + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
            + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB. Run at " + Instant.now()
            + ".");
        report.add("");
        report.add(EVENTS + " call events over " + DAYS + " days (about 5 steps a call, 200,000 calls); the range "
            + "asked for is "
            + "the last 30 days, " + LAST_DAY.minusDays(29) + " to " + LAST_DAY + ", America/Chicago. Each "
            + "figure set is computed " + RUNS + " times after 3 warm-up runs; the target is under 300 ms.");
        report.add("");
        report.add("| database | load events (s) | build summaries and roll-ups (s) | calls in range | median (ms) "
            + "| p90 (ms) | max (ms) |");
        report.add("|---|---|---|---|---|---|---|");

        Path h2 = Files.createTempDirectory("bench-h2");
        report.add(run("H2 (file)", Map.of("datasources.default.url", "jdbc:h2:file:" + h2.resolve("bench")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE DATABASE bench");
            }
            report.add(run("PostgreSQL " + version(postgres), Map.of(
                "datasources.default.url", postgres.getJdbcUrl("postgres", "bench"),
                "datasources.default.username", "postgres", "datasources.default.password", "",
                "datasources.default.dialect", "POSTGRES")));
        }
        report.add("");
        report.add("The figures sum quarter-hour roll-ups (migration V8) that the event writer keeps beside "
            + "`call_summary` (a row per call, migration V6): a 30-day range is at most 2,880 buckets, whatever the "
            + "number of calls. The build column is what the writer does, timed here for all calls, a batch of 200 "
            + "calls at a time in the order they came: each call's summary, then its quarter hours' roll-ups.");

        report.add("");
        report.add("Before the roll-ups (results of 2026-12-03, same data and machine), the figures read "
            + "`call_summary` and `call_event` directly: median 1,904 ms on H2 and 259 ms on PostgreSQL. Each of "
            + "the heat map, the per-call sums and the menu choices scanned the month's 100,000 calls or 200,000 "
            + "choices at 0.3 to 0.6 s apiece on H2.");

        Path out = Path.of("bench", "dashboard-results.md");
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
    }

    private static String run(String name, Map<String, Object> database) throws SQLException {
        Map<String, Object> properties = new java.util.HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        properties.put("helpline.twilio.auth-token", "benchmark");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
            "benchmark-key-0123456789abcdef0123456789");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            long loadStart = System.nanoTime();
            // The raw pool: the bean is a proxy that expects a surrounding transaction.
            DataSource raw = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            int calls = load(raw);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            // What the event writer does after each batch: each call's summary, recomputed from its events, then the
            // roll-ups of the quarter hours those calls touched.
            long summaryStart = System.nanoTime();
            CallSummaries summaries = context.getBean(CallSummaries.class);
            List<String> batch = new ArrayList<>();
            for (int call = 0; call < calls; call++) {
                batch.add(sid(call));
                if (batch.size() == 200 || call == calls - 1) {
                    summaries.refresh(batch);
                    batch.clear();
                }
            }
            double summarySeconds = (System.nanoTime() - summaryStart) / 1e9;
            try (Connection connection = raw.getConnection()) {
                connection.setAutoCommit(true);
                connection.createStatement().execute("ANALYZE");
            }

            CallFigures figures = context.getBean(CallFigures.class);
            ReportRange range = new ReportRange(LAST_DAY.minusDays(29), LAST_DAY, ZONE);
            for (int i = 0; i < 3; i++) {
                figures.of(range, 60);
            }
            List<Double> millis = new ArrayList<>();
            Figures last = null;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                last = figures.of(range, 60);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            return String.format("| %s | %.1f | %.1f | %d | %.0f | %.0f | %.0f |", name, loadSeconds, summarySeconds,
                last.calls(),
                millis.get(RUNS / 2), millis.get((int) (RUNS * 0.9)), millis.get(RUNS - 1));
        }
    }

    /** One call: a start, a few menu steps, often the queue with its result, and its end. */
    private static String sid(int call) {
        return String.format("CA%032d", call);
    }

    /** Writes the events; returns how many calls they make. */
    private static int load(DataSource dataSource) throws SQLException {
        Random random = new Random(42);
        Instant first = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant().minus(DAYS, ChronoUnit.DAYS);
        long spanSeconds = DAYS * 86_400L;
        double meanGap = spanSeconds / 200_000.0;
        double arrival = 0;
        String sql = "INSERT INTO call_event (id, call_sid, node, choice, next_node, language, detail, seconds, "
            + "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int written = 0;
                int call = 0;
                while (written < EVENTS) {
                    String sid = sid(call++);
                    String language = random.nextInt(10) == 0 ? "es" : "en";
                    // Calls arrive at random, in time order, as the writer sees them in service.
                    arrival += -Math.log(1 - random.nextDouble()) * meanGap;
                    Instant at = first.plusSeconds((long) arrival);
                    List<Object[]> steps = new ArrayList<>();
                    steps.add(new Object[] {"incoming", null, "main", "call-start", null});
                    String[] menus = {"main", "stages", "stage-relapse"};
                    int depth = 1 + random.nextInt(3);
                    for (int m = 0; m < depth; m++) {
                        steps.add(new Object[] {menus[m], String.valueOf(1 + random.nextInt(4)), menus[(m + 1) % 3],
                            "chosen", null});
                    }
                    if (random.nextInt(3) == 0) {
                        steps.add(new Object[] {"queue", null, "queue", "enqueued", null});
                        steps.add(new Object[] {"queue", null, "queue", "waiting", random.nextInt(60)});
                        String result = random.nextInt(4) == 0 ? "hangup" : "bridged";
                        steps.add(new Object[] {"queue", null, null, result, random.nextInt(300)});
                    }
                    steps.add(new Object[] {"status", null, null, "completed", 5 + random.nextInt(900)});
                    for (Object[] step : steps) {
                        at = at.plusSeconds(5 + random.nextInt(40));
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, sid);
                        insert.setString(3, (String) step[0]);
                        insert.setString(4, (String) step[1]);
                        insert.setString(5, (String) step[2]);
                        insert.setString(6, language);
                        insert.setString(7, (String) step[3]);
                        insert.setObject(8, step[4]);
                        insert.setObject(9, at.atOffset(ZoneOffset.UTC));
                        insert.addBatch();
                        if (++written % 10_000 == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
                return call;
            }
        }
    }

    private static String version(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var rows = connection.createStatement().executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
