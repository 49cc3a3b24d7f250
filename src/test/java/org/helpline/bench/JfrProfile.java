package org.helpline.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the server's CPU went, from the execution samples of a JFR recording: by thread, by our own methods
 * (inclusive: the method or anything it called), by a few library hot spots, and by leaf method (self time).
 */
final class JfrProfile {

    /** Library calls worth naming on their own, inclusive. */
    private static final Map<String, String> HOT_SPOTS = new LinkedHashMap<>();

    static {
        HOT_SPOTS.put("com.twilio.twiml.TwiML.toXml", "TwiML serialised to XML (Twilio SDK, javax.xml)");
        HOT_SPOTS.put("javax.crypto.Mac.doFinal", "HMAC-SHA1 of the signature");
        HOT_SPOTS.put("org.h2.", "H2 database");
        HOT_SPOTS.put("java.util.regex.", "regular expressions");
        HOT_SPOTS.put("java.util.UUID.randomUUID", "UUID.randomUUID (SecureRandom)");
        HOT_SPOTS.put("ch.qos.logback.", "Logback");
    }

    private JfrProfile() {
    }

    /** The samples and loads of events that started between {@code from} and {@code to}. */
    static List<String> report(Path recording, Instant from, Instant to) throws IOException {
        List<RecordedEvent> samples = new ArrayList<>();
        Allocations allocations = new Allocations();
        Map<String, Double> threadLoad = new HashMap<>();
        Set<Long> loadPeriods = new HashSet<>();
        double gcMillis = 0;
        int gcCount = 0;
        double compileMillis = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (event.getStackTrace() != null) {
                            samples.add(event);
                        }
                    }
                    case "jdk.ThreadCPULoad" -> {
                        var thread = event.getThread();
                        threadLoad.merge(group(thread.getJavaName() == null ? thread.getOSName()
                            : thread.getJavaName()), (double) event.getFloat("user") + event.getFloat("system"),
                            Double::sum);
                        loadPeriods.add(event.getStartTime().getEpochSecond());
                    }
                    case "jdk.GarbageCollection" -> {
                        gcMillis += event.getDuration().toNanos() / 1e6;
                        gcCount++;
                    }
                    case "jdk.Compilation" -> compileMillis += event.getDuration().toNanos() / 1e6;
                    case "jdk.ObjectAllocationSample" -> allocations.add(event);
                    default -> {
                    }
                }
            }
        }
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        for (RecordedEvent sample : samples) {
            String thread = sample.getThread("sampledThread").getJavaName();
            threads.merge(group(thread), 1, Integer::sum);
            List<RecordedFrame> frames = sample.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                leaves.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seenOurs = new HashSet<>();
            Set<String> seenHot = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("org.helpline.") && !name.contains("$Definition") && !name.contains("$Intercepted")
                    && seenOurs.add(name)) {
                    ours.merge(name, 1, Integer::sum);
                }
                HOT_SPOTS.forEach((prefix, label) -> {
                    if (name.startsWith(prefix) && seenHot.add(label)) {
                        hot.merge(label, 1, Integer::sum);
                    }
                });
            }
        }
        List<String> out = new ArrayList<>();
        int total = samples.size();
        out.add(String.format("Garbage collection: %d pauses, %.0f ms in all. JIT compilation: %.0f ms of compiler "
            + "work.", gcCount, gcMillis, compileMillis));
        out.add("");
        out.add("CPU by thread (JFR's per-thread CPU load, summed over threads of the same kind; 100% is one core):");
        out.add("");
        out.add("| threads | CPU |");
        out.add("|---|---|");
        int periods = Math.max(1, loadPeriods.size());
        threadLoad.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
            .forEach(e -> out.add(String.format("| `%s` | %.0f%% |", e.getKey(), 100 * e.getValue() / periods)));
        out.add("");
        out.add(total + " execution samples of Java code (the JIT compiler, GC and native code are not in them):");
        out.add("");
        table(out, "thread", threads, total, 8);
        table(out, "our method, inclusive", ours, total, 18);
        table(out, "library hot spot, inclusive", hot, total, 10);
        table(out, "leaf method (self time)", leaves, total, 15);
        allocations.report(out);
        return out;
    }

    /** Threads of one pool share a name but for a number. */
    private static String group(String thread) {
        return thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void table(List<String> out, String heading, Map<String, Integer> counts, int total, int rows) {
        out.add("| " + heading + " | samples | share |");
        out.add("|---|---|---|");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
            .forEach(e -> out.add(String.format("| `%s` | %d | %.1f%% |", e.getKey(), e.getValue(),
                100.0 * e.getValue() / total)));
        out.add("");
    }
}
