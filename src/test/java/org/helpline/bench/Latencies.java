package org.helpline.bench;

import java.util.Arrays;

/** What one load phase measured: how many requests, how many failed, over how long, and each one's latency. */
record Latencies(String name, long requests, long errors, double seconds, long[] micros, String firstError) {

    static Latencies of(String name, long errors, double seconds, long[] micros, String firstError) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Latencies(name, sorted.length, errors, seconds, sorted, firstError);
    }

    double perSecond() {
        return requests / seconds;
    }

    /** The latency at quantile {@code q} (0.5 for the median), in milliseconds. */
    double millis(double q) {
        if (micros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(micros.length - 1, Math.ceil(q * micros.length) - 1);
        return micros[Math.max(index, 0)] / 1000.0;
    }

    double maxMillis() {
        return micros.length == 0 ? Double.NaN : micros[micros.length - 1] / 1000.0;
    }

    @Override
    public String toString() {
        return String.format("%s: %d requests in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors%s",
            name, requests, seconds, perSecond(), millis(0.5), millis(0.99), maxMillis(), errors,
            firstError == null ? "" : " (first: " + firstError + ")");
    }
}
