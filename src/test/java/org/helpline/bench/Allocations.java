package org.helpline.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the heap is allocated, from JFR's allocation samples: each sample stands for the bytes allocated since the
 * last one on its thread (its weight), so the sums estimate the bytes, not the objects. Young-collection work and
 * the objects that live long enough to be promoted grow with these bytes.
 */
final class Allocations {

    private final Map<String, Long> byClass = new HashMap<>();
    private final Map<String, Long> byOurMethod = new HashMap<>();
    private final Map<String, Long> bySite = new HashMap<>();
    private long total;

    void add(RecordedEvent sample) {
        long weight = sample.getLong("weight");
        total += weight;
        byClass.merge(sample.getClass("objectClass").getName(), weight, Long::sum);
        if (sample.getStackTrace() == null) {
            return;
        }
        List<RecordedFrame> frames = sample.getStackTrace().getFrames();
        Set<String> seen = new HashSet<>();
        boolean siteFound = false;
        for (RecordedFrame frame : frames) {
            String name = JfrProfile.name(frame);
            if (!siteFound && !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                bySite.merge(name, weight, Long::sum);
                siteFound = true;
            }
            if (name.startsWith("org.helpline.") && !name.contains("$Definition") && !name.contains("$Intercepted")
                && seen.add(name)) {
                byOurMethod.merge(name, weight, Long::sum);
            }
        }
    }

    void report(List<String> out) {
        out.add(String.format("Allocation (JFR's allocation samples, weighted): about %,d MiB in the recording.",
            total / 1_048_576));
        out.add("");
        table(out, "class allocated", byClass, 10);
        table(out, "our method, inclusive", byOurMethod, 12);
        table(out, "first method outside the JDK (the allocation site)", bySite, 12);
    }

    private void table(List<String> out, String heading, Map<String, Long> bytes, int rows) {
        out.add("| " + heading + " | MiB | share |");
        out.add("|---|---|---|");
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
            .forEach(e -> out.add(String.format("| `%s` | %,d | %.1f%% |", e.getKey(), e.getValue() / 1_048_576,
                100.0 * e.getValue() / Math.max(1, total))));
        out.add("");
    }
}
