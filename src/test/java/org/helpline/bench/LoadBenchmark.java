package org.helpline.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the load benchmark of issue 6. Starts the baseline (a bare Micronaut app answering constant TwiML)
 * and the helpline as separate JVMs with {@code -Xmx128m}, pinned to one core while this generator runs on the
 * other, and measures start-up, saturation, a fixed 2,000 requests/s, 2,000 waiting callers, memory and a JFR
 * profile. Run it with {@code bench/load.sh}; it writes {@code bench/load-results.md}.
 */
public final class LoadBenchmark {

    /** Another port than the default lets a second clone run its benchmark at the same time (not for figures). */
    static final int APP_PORT = Integer.getInteger("bench.port", 18080);
    static final int BASELINE_PORT = APP_PORT + 100;
    static final int STUB_PORT = APP_PORT + 110;
    static final int FLOOR_PORT = APP_PORT + 120;
    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final List<Latencies> phases = new ArrayList<>();
    /** Per phase: server CPU per request (us), server busy and generator busy (% of a core). */
    private final Map<Latencies, double[]> cpu = new java.util.HashMap<>();
    /** Per phase: the server's busiest kinds of thread, % of a core (from /proc, so JFR is not needed). */
    private final Map<Latencies, Map<String, Long>> threadCpu = new java.util.HashMap<>();
    /** The database settings the helpline runs with now (none for its own H2 file). */
    private static Map<String, String> database = Map.of();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new LoadBenchmark().run();
    }

    private void run() throws Exception {
        try (BenchDatabase db = BenchDatabase.fromSystemProperties()) {
            run(db);
        }
    }

    private void run(BenchDatabase db) throws Exception {
        Path work = Files.createTempDirectory("helpline-load");
        String loadBefore = loadAverage();
        Report report = new Report(settings, loadBefore);
        report.cpu = this::cpu;
        report.threads = phase -> threadCpu.getOrDefault(phase, Map.of());
        report.database = db.name();
        if (Boolean.getBoolean("bench.helpline-only")) {
            database = db.newDatabase();
            trial(work);
            return;
        }
        if (Boolean.getBoolean("bench.startup-only")) {
            startupTrial(work);
            return;
        }
        try (TwilioStub stub = new TwilioStub(STUB_PORT, ACCOUNT_SID)) {
            report.baselineStartups = startups(work, false, List.of());
            database = db.newDatabase();
            report.appStartups = startups(work, true, List.of());
            report.appCdsStartups = startups(work, true, cdsArchive(work));

            try (ServerProcess baseline = startPinned(work.resolve("baseline-load"), false)) {
                baseline.millisToFirstAnswer(BASELINE_PORT, probe(false));
                report.baseline = measure("baseline", baseline, BASELINE_PORT, SignedCalls.Server.BASELINE);
                report.baselineMemory = Memory.of(baseline);
            }
            try (ServerProcess floor = ServerProcess.start(settings.serverCores(), floorArgs(), floorEnv(),
                work.resolve("floor-load"), work.resolve("floor-load.log"))) {
                floor.millisToFirstAnswer(FLOOR_PORT, floorProbe());
                report.floor = measure("floor", floor, FLOOR_PORT, SignedCalls.Server.FLOOR);
            }
            database = db.newDatabase();
            try (ServerProcess app = startPinned(work.resolve("app-load"), true)) {
                app.millisToFirstAnswer(APP_PORT, probe(true));
                report.app = measure("helpline", app, APP_PORT, SignedCalls.Server.HELPLINE);
                long serverBefore = app.cpuMillis();
                long generatorBefore = generatorCpuMillis();
                report.waiting = WaitingCallers.run(APP_PORT, settings.waitingCallers(), 5,
                    settings.waitingSeconds() / 5);
                note(report.waiting.latencies(), app.cpuMillis() - serverBefore,
                    generatorCpuMillis() - generatorBefore);
                report.profile = profile(app, work);
                report.appMemory = Memory.of(app);
                report.stubRequests = stub.requests();
                report.stubUnknown = stub.unknown();
            }
        }
        report.loadAfter = loadAverage();
        Files.writeString(settings.output(), String.join("\n", report.lines()) + "\n");
        System.out.println("Written " + settings.output());
    }

    /** For trying a change: the helpline's runs and profile only, printed, no report written. */
    private void trial(Path work) throws Exception {
        try (TwilioStub stub = new TwilioStub(STUB_PORT, ACCOUNT_SID);
             ServerProcess app = startPinned(work.resolve("app-load"), true)) {
            System.out.println("start-up " + app.millisToFirstAnswer(APP_PORT, probe(true)) + " ms (pinned)");
            measure("helpline", app, APP_PORT, SignedCalls.Server.HELPLINE);
            profile(app, work).forEach(System.out::println);
            Memory memory = Memory.of(app);
            System.out.printf("heap after full GC %.1f MiB, RSS %d MiB; held by:%n", memory.heapAfterGcMib(),
                memory.rssMib());
            memory.heapTop().forEach(row -> System.out.println("  " + String.join("  ", row)));
        }
    }

    /** For trying a start-up change: the three start-up series only, printed, no report written. */
    private void startupTrial(Path work) throws Exception {
        try (TwilioStub stub = new TwilioStub(STUB_PORT, ACCOUNT_SID)) {
            List<Long> baseline = startups(work, false, List.of());
            List<Long> app = startups(work, true, List.of());
            List<Long> cds = startups(work, true, cdsArchive(work));
            System.out.println("start-up, baseline " + baseline + " ms, median " + median(baseline));
            System.out.println("start-up, helpline " + app + " ms (the first on a new database), median of restarts "
                + median(app.subList(1, app.size())));
            System.out.println("start-up, helpline with AppCDS " + cds + " ms, median " + median(cds));
        }
    }

    /** Warm-up, saturation and the fixed rate, on one server already running. */
    private Measured measure(String name, ServerProcess server, int port, SignedCalls.Server kind)
        throws Exception {
        int connections = settings.connections();
        Duration saturation = Duration.ofSeconds(settings.saturationSeconds());
        int saturationRequests = settings.saturationSeconds() * settings.maxRate();
        // In rounds of new calls until the time is up: one list sized for the whole warm-up ran out after half of
        // it once the helpline got faster, and the JIT compiler was still at work in the measured runs.
        long warmUpEnds = System.nanoTime() + Duration.ofSeconds(settings.warmupSeconds()).toNanos();
        while (System.nanoTime() < warmUpEnds) {
            Duration left = Duration.ofNanos(warmUpEnds - System.nanoTime());
            LoadRun.closed(name + " warm-up", port, SignedCalls.calls(20 * settings.maxRate(), port, kind),
                connections, left);
        }

        List<SignedCalls.Request> requests = SignedCalls.calls(saturationRequests, port, kind);
        Latencies saturated = timed(server, () -> LoadRun.closed(name + ", saturation (" + connections
            + " connections)", port, requests, connections, saturation));
        requests.clear();

        int rate = settings.fixedRate();
        List<SignedCalls.Request> fixed = SignedCalls.calls(rate * settings.fixedSeconds(), port, kind);
        Latencies atRate = timed(server, () -> LoadRun.open(name + ", fixed " + rate + "/s", port, fixed, rate,
            connections, true));
        return new Measured(saturated, atRate);
    }

    private Latencies timed(ServerProcess server, Phase phase) throws Exception {
        long cpuBefore = server.cpuMillis();
        Map<String, Long> threadsBefore = server.cpuMillisByThread();
        long generatorBefore = generatorCpuMillis();
        Latencies result = phase.run();
        note(result, server.cpuMillis() - cpuBefore, generatorCpuMillis() - generatorBefore);
        threadCpu.put(result, byThreadSince(threadsBefore, server.cpuMillisByThread(), result.seconds()));
        System.out.println("  server CPU by thread (% of a core): " + threadCpu.get(result));
        return result;
    }

    /** The busiest kinds of thread over a phase, as a share of one core, largest first. */
    private static Map<String, Long> byThreadSince(Map<String, Long> before, Map<String, Long> after,
                                                   double seconds) {
        Map<String, Long> shares = new java.util.LinkedHashMap<>();
        after.entrySet().stream()
            .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
            .filter(entry -> entry.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(8)
            .forEach(entry -> shares.put(entry.getKey(), Math.round(entry.getValue() / 10.0 / seconds)));
        return shares;
    }

    private void note(Latencies result, double serverCpu, double generatorCpu) {
        cpu.put(result, new double[] {serverCpu * 1000 / Math.max(1, result.requests()),
            serverCpu / 10 / result.seconds(), generatorCpu / 10 / result.seconds()});
        phases.add(result);
        System.out.printf("%s; server CPU %.0f us/request, server busy %.0f%%, generator busy %.0f%%%n", result,
            serverCpu * 1000 / Math.max(1, result.requests()), serverCpu / 10 / result.seconds(),
            generatorCpu / 10 / result.seconds());
    }

    /** The machine's load averages over 1, 5 and 15 minutes: other work on it shows here. */
    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static long generatorCpuMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1_000_000;
    }

    /**
     * The helpline run flat out once more, under JFR; what the recording says of that window only. JFR starts only
     * now, so that the measured runs pay nothing for it (the baseline and the floor run without it), and gets a
     * warm-up of its own: starting it makes the JVM throw away and recompile most of its compiled code, which
     * would otherwise fill the profile with the JIT's work.
     */
    private List<String> profile(ServerProcess app, Path work) throws Exception {
        app.jcmd("JFR.start", "name=bench", "settings=" + finerProfileSettings(work));
        LoadRun.closed("helpline, warm-up under JFR", APP_PORT, SignedCalls.calls(settings.warmupSeconds() * 4_000,
            APP_PORT, SignedCalls.Server.HELPLINE), settings.connections(),
            Duration.ofSeconds(settings.warmupSeconds() / 2));

        Path jfr = work.resolve("helpline.jfr");
        List<SignedCalls.Request> requests = SignedCalls.calls(settings.profileSeconds() * settings.maxRate(),
            APP_PORT, SignedCalls.Server.HELPLINE);
        Instant from = Instant.now();
        LoadRun.closed("helpline, profiled", APP_PORT, requests, settings.connections(),
            Duration.ofSeconds(settings.profileSeconds()));
        Instant to = Instant.now();
        app.jcmd("JFR.dump", "name=bench", "filename=" + jfr);
        Files.createDirectories(Path.of("target"));
        Files.copy(jfr, Path.of("target", "load-profile.jfr"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return JfrProfile.report(jfr, from, to);
    }

    /**
     * The JDK's own {@code profile} settings with Java code sampled every millisecond instead of every 10: at 10 ms
     * a 15 s recording held under 300 samples of the helpline's Java code, too few to rank its methods.
     */
    private static String finerProfileSettings(Path work) throws java.io.IOException {
        Path jdkProfile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String settings = Files.readString(jdkProfile).replace(
            "control=\"method-sampling-java-interval\">10 ms<", "control=\"method-sampling-java-interval\">1 ms<");
        Path finer = work.resolve("profile-1ms.jfc");
        Files.writeString(finer, settings);
        return finer.toString();
    }

    /** Start-up to the first answered call, on both cores with nothing else running: a new database, then restarts. */
    private List<Long> startups(Path work, boolean app, List<String> extraArgs) throws Exception {
        List<Long> millis = new ArrayList<>();
        Path dir = work.resolve(app ? "app-startup" : "baseline-startup");
        String label = (app ? "app" : "baseline") + (extraArgs.isEmpty() ? "" : "-cds");
        for (int run = 0; run < settings.startups(); run++) {
            List<String> args = new ArrayList<>(extraArgs);
            args.addAll(jvmArgs(app));
            try (ServerProcess server = ServerProcess.start("0,1", args, env(app), dir,
                dir.resolveSibling(label + "-startup-" + run + ".log"))) {
                millis.add(server.millisToFirstAnswer(app ? APP_PORT : BASELINE_PORT, probe(app)));
            }
        }
        return millis;
    }

    /**
     * An AppCDS archive of the classes the helpline loads up to its first call and a little after, written by one
     * training run; the JVM then maps them instead of loading and verifying them from the jar.
     */
    private List<String> cdsArchive(Path work) throws Exception {
        Path archive = work.resolve("helpline.jsa");
        List<String> args = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive));
        args.addAll(jvmArgs(true));
        Path dir = work.resolve("app-startup");
        try (ServerProcess training = ServerProcess.start("0,1", args, env(true), dir,
            dir.resolveSibling("app-cds-training.log"))) {
            training.millisToFirstAnswer(APP_PORT, probe(true));
            Thread.sleep(3_000);
        }
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    private ServerProcess startPinned(Path dir, boolean app) throws Exception {
        return ServerProcess.start(settings.serverCores(), jvmArgs(app), env(app), dir,
            dir.resolveSibling(dir.getFileName() + ".log"));
    }

    private List<String> jvmArgs(boolean app) {
        List<String> args = new ArrayList<>(List.of("-Xmx128m"));
        args.addAll(settings.extraJvmArgs());
        args.addAll(List.of("-jar", (app ? settings.appJar() : settings.baselineJar()).toString()));
        return args;
    }

    private static Map<String, String> env(boolean app) {
        if (!app) {
            return Map.of("MICRONAUT_SERVER_PORT", String.valueOf(BASELINE_PORT));
        }
        Map<String, String> env = new java.util.HashMap<>(database);
        env.putAll(Map.of("MICRONAUT_SERVER_PORT", String.valueOf(APP_PORT),
            "TWILIO_AUTH_TOKEN", SignedCalls.AUTH_TOKEN, "PUBLIC_BASE_URL", SignedCalls.PUBLIC_BASE,
            "TWILIO_ACCOUNT_SID", ACCOUNT_SID, "TWILIO_API_BASE_URL", "http://127.0.0.1:" + STUB_PORT));
        return env;
    }

    private static byte[] probe(boolean app) {
        int port = app ? APP_PORT : BASELINE_PORT;
        return SignedCalls.request(port, SignedCalls.newCallSid(), SignedCalls.walk().get(0),
            app ? SignedCalls.Server.HELPLINE : SignedCalls.Server.BASELINE);
    }

    /** The floor: the baseline app built with its signature-checking endpoint (bench/baseline, -Pfloor). */
    private List<String> floorArgs() {
        List<String> args = new ArrayList<>(List.of("-Xmx128m"));
        args.addAll(settings.extraJvmArgs());
        args.addAll(List.of("-jar", settings.floorJar().toString()));
        return args;
    }

    private static Map<String, String> floorEnv() {
        return Map.of("MICRONAUT_SERVER_PORT", String.valueOf(FLOOR_PORT), "TWILIO_AUTH_TOKEN",
            SignedCalls.AUTH_TOKEN);
    }

    private static byte[] floorProbe() {
        return SignedCalls.request(FLOOR_PORT, SignedCalls.newCallSid(), SignedCalls.walk().get(0),
            SignedCalls.Server.FLOOR);
    }

    double[] cpu(Latencies phase) {
        return cpu.getOrDefault(phase, new double[] {Double.NaN, Double.NaN, Double.NaN});
    }

    /** One phase of load. */
    private interface Phase {
        Latencies run() throws Exception;
    }

    /** A server's two headline runs. */
    record Measured(Latencies saturation, Latencies fixedRate) {
    }

    /** Memory of a server after its load: resident now and at peak, the heap's live set and who holds it. */
    record Memory(long rssMib, long peakRssMib, double heapAfterGcMib, List<String[]> heapTop) {

        static Memory of(ServerProcess server) throws Exception {
            long[] rss = server.residentMib();
            return new Memory(rss[0], rss[1], server.heapAfterGcMib(), server.heapHistogram(12));
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String now() {
        return Instant.now().toString();
    }
}
