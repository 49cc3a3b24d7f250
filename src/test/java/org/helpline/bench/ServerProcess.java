package org.helpline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test, started as its own JVM (pinned to the given cores), with its memory read from outside. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final Process process;
    private final long launchedNanos;

    private ServerProcess(Process process, long launchedNanos) {
        this.process = process;
        this.launchedNanos = launchedNanos;
    }

    static ServerProcess start(String cores, List<String> javaArgs, Map<String, String> env, Path workDir, Path log)
        throws IOException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cores, "java"));
        command.addAll(javaArgs);
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        return new ServerProcess(builder.start(), launched);
    }

    /** Milliseconds from launching the process to the first 200 answer to {@code probe}. */
    long millisToFirstAnswer(int port, byte[] probe) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + " before answering");
            }
            try (HttpConnection connection = new HttpConnection(port)) {
                if (connection.exchange(probe, false).status() == 200) {
                    return (System.nanoTime() - launchedNanos) / 1_000_000;
                }
            } catch (IOException notYet) {
                // Not listening yet: try again shortly.
            }
            Thread.sleep(5);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size now and at its peak, in MiB, from the kernel's view of the process. */
    long[] residentMib() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            }
        }
        return new long[] {rss / 1024, peak / 1024};
    }

    /** Java heap in use right after a full collection, in MiB (the live set). */
    double heapAfterGcMib() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        long usedKib = 0;
        for (String line : info.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                break;
            }
            Matcher used = USED.matcher(line);
            if (used.find() && !line.trim().startsWith("-") && !line.contains("region")) {
                usedKib += Long.parseLong(used.group(1));
            }
        }
        return usedKib / 1024.0;
    }

    /**
     * The classes that hold most of the heap, biggest first, as "class, MiB, instances" (from
     * {@code GC.class_histogram}, which collects first, so this is the live set).
     */
    List<String[]> heapHistogram(int rows) throws IOException, InterruptedException {
        List<String[]> top = new ArrayList<>();
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find() && top.size() < rows) {
                top.add(new String[] {row.group(3), String.format("%.1f", Long.parseLong(row.group(2)) / 1048576.0),
                    row.group(1)});
            }
        }
        return top;
    }

    String jcmd(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(pid())));
        command.addAll(List.of(args));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    /** CPU time the process has used so far (user and system, all its threads), in milliseconds. */
    long cpuMillis() throws IOException {
        return cpuMillisOf(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")));
    }

    /** The CPU time in a process's or a thread's {@code stat} line, in milliseconds. */
    private static long cpuMillisOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime), counted after the command name; clock ticks of 10 ms.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * CPU time so far by kind of thread (names with their numbers taken off, so the C2 compiler's threads count
     * together), in milliseconds, from {@code /proc/<pid>/task}: unlike JFR, reading it changes nothing.
     */
    Map<String, Long> cpuMillisByThread() throws IOException {
        Map<String, Long> byKind = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                    .replaceAll("[0-9]+", "#");
                byKind.merge(name, cpuMillisOf(stat), Long::sum);
            }
        }
        return byKind;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
