package org.helpline.event;

import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Call events that could not be written to the database, one JSON object a line in a local file, so memory stays
 * bounded through a long outage and a restart loses none. To be written back, the file is first renamed aside
 * ({@code .replaying}), so events spilled meanwhile start a new file; the renamed file is deleted only once every
 * event in it is in the database. Replaying is safe to repeat: events already written are skipped by id.
 */
final class SpillFile {

    private static final Logger LOG = LoggerFactory.getLogger(SpillFile.class);

    private final Path file;
    private final Path replaying;
    private final JsonMapper json;

    SpillFile(Path file, JsonMapper json) {
        this.file = file;
        this.replaying = file.resolveSibling(file.getFileName() + ".replaying");
        this.json = json;
    }

    /** Adds events to the end of the file. */
    synchronized void append(Collection<CallEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
                for (CallEvent event : events) {
                    out.write(json.writeValueAsString(event));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill call events to " + file, e);
        }
    }

    /** Whether any spilled events wait to be written back. */
    synchronized boolean hasEvents() {
        return Files.exists(replaying) || Files.exists(file);
    }

    /**
     * Hands every spilled event to {@code write}, a batch at a time, and deletes the file once all are written. If
     * a batch cannot be written, stops and keeps the file for the next try.
     */
    void replay(int batch, BatchWriter write) {
        synchronized (this) {
            if (!Files.exists(replaying) && Files.exists(file)) {
                move(file, replaying);
            }
        }
        if (!Files.exists(replaying)) {
            return;
        }
        int unreadable = 0;
        int written = 0;
        try (BufferedReader in = Files.newBufferedReader(replaying, StandardCharsets.UTF_8)) {
            List<CallEvent> events = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                CallEvent event = parse(line);
                if (event == null) {
                    unreadable++;
                    continue;
                }
                events.add(event);
                if (events.size() == batch) {
                    write.write(events);
                    written += events.size();
                    events.clear();
                }
            }
            write.write(events);
            written += events.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spilled call events from " + replaying, e);
        }
        delete(replaying);
        LOG.info("Wrote back {} spilled call events ({} unreadable lines skipped)", written, unreadable);
    }

    /** Writes a batch to the database, or throws. */
    interface BatchWriter {
        void write(List<CallEvent> events);
    }

    private CallEvent parse(String line) {
        // A line cut short by a crash mid-write is skipped, not allowed to block the rest.
        try {
            return line.isBlank() ? null : json.readValue(line, CallEvent.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
