package org.helpline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Turns one run's figures into {@code bench/load-results.md}: the targets first, then the details. */
final class Report {

    private final BenchSettings settings;
    private final String loadBefore;
    private final String started = LoadBenchmark.now();
    List<Long> baselineStartups;
    List<Long> appStartups;
    List<Long> appCdsStartups;
    LoadBenchmark.Measured baseline;
    LoadBenchmark.Measured floor;
    LoadBenchmark.Measured app;
    LoadBenchmark.Memory baselineMemory;
    LoadBenchmark.Memory appMemory;
    WaitingCallers.Outcome waiting;
    List<String> profile;
    long stubRequests;
    long stubUnknown;
    String loadAfter;
    String database = "H2";
    Function<Latencies, double[]> cpu = phase -> new double[] {Double.NaN, Double.NaN, Double.NaN};
    /** A phase's busiest kinds of server thread, % of a core. */
    Function<Latencies, java.util.Map<String, Long>> threads = phase -> java.util.Map.of();

    Report(BenchSettings settings, String loadBefore) {
        this.settings = settings;
        this.loadBefore = loadBefore;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("# Load benchmark: latest results");
        out.add("");
        out.add("Written by `bench/load.sh` (see `bench/README.md` for the method). Run started " + started + " on "
            + machineCores() + " cores, Java " + System.getProperty("java.version")
            + ", load average (1, 5, 15 min) before the run " + loadBefore + " and after it " + loadAfter
            + ", benchmark processes at nice " + System.getProperty("bench.nice", "0")
            + ". Servers pinned to core " + settings.serverCores()
            + " with `-Xmx128m`" + (settings.extraJvmArgs().isEmpty() ? "" : " " + settings.extraJvmArgs())
            + "; the load generator on the other core. The helpline's database: " + database
            + ". Twilio's REST API was a stub on loopback ("
            + stubRequests + " requests, " + stubUnknown + " to paths it does not know): no request left the "
            + "machine.");
        out.add("");
        targets(out);
        runs(out);
        startupAndMemory(out);
        out.add("## Where the helpline's time goes (JFR, " + settings.profileSeconds() + " s at saturation)");
        out.add("");
        out.addAll(profile);
        return out;
    }

    private void targets(List<String> out) {
        double ratio = app.saturation().perSecond() / baseline.saturation().perSecond();
        double cpuRatio = cpu.apply(baseline.saturation())[0] / cpu.apply(app.saturation())[0];
        long startup = LoadBenchmark.median(appStartups.subList(1, appStartups.size()));
        long errors = app.saturation().errors() + app.fixedRate().errors() + waiting.latencies().errors();
        out.add("## Targets");
        out.add("");
        out.add("| target | measured | met |");
        out.add("|---|---|---|");
        out.add(row("throughput at least 0.6 of the baseline's", String.format("%.0f/s against %.0f/s: **%.2f** "
            + "(by server CPU per request: %.2f)", app.saturation().perSecond(), baseline.saturation().perSecond(),
            ratio, cpuRatio), ratio >= 0.6));
        double floorRatio = floor.saturation().perSecond() / baseline.saturation().perSecond();
        out.add(row("(the floor: the same fixed answer after reading the form and checking the signature with "
            + "the Twilio SDK, as every webhook must)", String.format("%.0f/s: %.2f of the baseline; the helpline is "
            + "%.2f of the floor; floor p99 at %d/s %.2f ms", floor.saturation().perSecond(), floorRatio,
            app.saturation().perSecond() / floor.saturation().perSecond(), settings.fixedRate(),
            floor.fixedRate().millis(0.99)), floorRatio >= 0.6));
        out.add(row("p99 at most 3 ms at " + settings.fixedRate() + " requests/s", String.format("p99 **%.2f ms** "
            + "(p50 %.2f ms)", app.fixedRate().millis(0.99), app.fixedRate().millis(0.5)),
            app.fixedRate().millis(0.99) <= 3.0));
        long cds = LoadBenchmark.median(appCdsStartups);
        long baselineStartup = LoadBenchmark.median(baselineStartups);
        out.add(row("start-up to the first answered call under 1.5 s", String.format("**%d ms** (median of %d "
            + "restarts; %d ms with a new database; %d ms with an AppCDS archive; the bare baseline: %d ms)", startup,
            appStartups.size() - 1, appStartups.get(0), cds, baselineStartup), startup < 1500));
        out.add(row("sustained load with -Xmx128m and no errors", String.format("%d errors in %,d requests; heap "
            + "after GC %.0f MiB, RSS %d MiB", errors, app.saturation().requests() + app.fixedRate().requests()
            + waiting.latencies().requests(), appMemory.heapAfterGcMib(), appMemory.rssMib()), errors == 0));
        out.add(row(String.format("%,d simultaneous waiting callers polling every 5 s, none refused",
            waiting.callers()), String.format("%d refused, %d other errors, %,d polls, p99 %.2f ms", waiting.refused(),
            waiting.latencies().errors() - waiting.refused(), waiting.latencies().requests(),
            waiting.latencies().millis(0.99)), waiting.latencies().errors() == 0));
        out.add("");
    }

    private void runs(List<String> out) {
        out.add("## Throughput and latency");
        out.add("");
        out.add("| run | requests | requests/s | p50 (ms) | p99 (ms) | max (ms) | errors "
            + "| server CPU per request (us) | server busy | generator busy |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        for (Latencies phase : List.of(baseline.saturation(), floor.saturation(), app.saturation(),
            baseline.fixedRate(), floor.fixedRate(), app.fixedRate(), waiting.latencies())) {
            double[] used = cpu.apply(phase);
            out.add(String.format("| %s | %,d | %.0f | %.2f | %.2f | %.1f | %d | %.0f | %.0f%% | %.0f%% |",
                phase.name(), phase.requests(), phase.perSecond(), phase.millis(0.5), phase.millis(0.99),
                phase.maxMillis(), phase.errors(), used[0], used[1], used[2]));
        }
        out.add("");
        out.add("The helpline's CPU by kind of thread (from `/proc/<pid>/task`, % of one core; numbers in thread "
            + "names shown as #): saturation " + threads.apply(app.saturation()) + "; fixed rate "
            + threads.apply(app.fixedRate()) + ".");
        out.add("");
        out.add(String.format("Waiting callers: %,d callers, each on its own connection (%,d open at once at most), "
            + "each polling `/voice/queue/wait` every 5 s for %d s.", waiting.callers(), waiting.maxOpenConnections(),
            settings.waitingSeconds()));
        out.add("");
    }

    private void startupAndMemory(List<String> out) {
        out.add("## Start-up and memory");
        out.add("");
        out.add("Start-up is from launching `java` to the first 200 answer (a signed `POST /voice/incoming` for the "
            + "helpline, its one POST for the baseline), on both cores, with `-Xmx128m`. The first helpline run "
            + "is on a new database (migrations run); the others restart on it.");
        out.add("");
        out.add("| server | start-ups (ms) |");
        out.add("|---|---|");
        out.add("| baseline | " + baselineStartups + " |");
        out.add("| helpline | " + appStartups + " |");
        out.add("| helpline with an AppCDS archive (`-XX:SharedArchiveFile`, from one training run) | "
            + appCdsStartups + " |");
        out.add("");
        out.add("| server, after its load | RSS (MiB) | peak RSS (MiB) | heap after full GC (MiB) |");
        out.add("|---|---|---|---|");
        out.add(String.format("| baseline | %d | %d | %.1f |", baselineMemory.rssMib(), baselineMemory.peakRssMib(),
            baselineMemory.heapAfterGcMib()));
        out.add(String.format("| helpline | %d | %d | %.1f |", appMemory.rssMib(), appMemory.peakRssMib(),
            appMemory.heapAfterGcMib()));
        out.add("");
        out.add("What the helpline's live heap holds after its load (`jcmd GC.class_histogram`, the biggest classes):");
        out.add("");
        out.add("| class | MiB | instances |");
        out.add("|---|---|---|");
        appMemory.heapTop().forEach(row -> out.add("| `" + row[0] + "` | " + row[1] + " | " + row[2] + " |"));
        out.add("");
    }

    /** The machine's cores, not the one this generator is pinned to. */
    private static long machineCores() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("processor")).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |";
    }
}
