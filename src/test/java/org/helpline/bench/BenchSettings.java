package org.helpline.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's knobs, from {@code -Dbench.*} system properties; the defaults are the published run's. */
record BenchSettings(Path appJar, Path baselineJar, Path floorJar, Path output, String serverCores,
                     List<String> extraJvmArgs, int connections, int warmupSeconds, int saturationSeconds,
                     int maxRate, int fixedRate, int fixedSeconds, int profileSeconds, int waitingCallers,
                     int waitingSeconds, int startups) {

    static BenchSettings fromSystemProperties() {
        String extra = System.getProperty("bench.jvm-args", "").trim();
        return new BenchSettings(
            Path.of(System.getProperty("bench.app-jar", "target/helpline-0.1.0.jar")).toAbsolutePath(),
            Path.of(System.getProperty("bench.baseline-jar", "bench/baseline/target/bench-baseline-0.1.0.jar"))
                .toAbsolutePath(),
            Path.of(System.getProperty("bench.floor-jar", "bench/baseline/target-floor/bench-floor-0.1.0.jar"))
                .toAbsolutePath(),
            Path.of(System.getProperty("bench.output", "bench/load-results.md")).toAbsolutePath(),
            System.getProperty("bench.server-cores", "0"),
            extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+")),
            Integer.getInteger("bench.connections", 32),
            Integer.getInteger("bench.warmup-seconds", 120),
            Integer.getInteger("bench.saturation-seconds", 20),
            Integer.getInteger("bench.max-rate", 20_000),
            Integer.getInteger("bench.fixed-rate", 2_000),
            Integer.getInteger("bench.fixed-seconds", 60),
            Integer.getInteger("bench.profile-seconds", 15),
            Integer.getInteger("bench.waiting-callers", 2_000),
            Integer.getInteger("bench.waiting-seconds", 60),
            Integer.getInteger("bench.startups", 4));
    }
}
