package org.helpline.event;

import com.github.f4b6a3.uuid.UuidCreator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import org.helpline.flow.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Records call events off the request path: a webhook only adds to a bounded buffer, and a scheduled writer saves
 * batches, then recomputes the summaries of the calls they touched (see {@link CallSummaries}). If the database
 * fails, the batch is kept and tried again, so a slow or absent database never slows a caller. Through a longer
 * outage, once {@code spill-after} events wait or the database has failed for 5 seconds (or the buffer is full, or
 * the service stops), they move to a local {@link SpillFile}, which is written back first when the database
 * answers again, on this run or the next. Writes skip events already saved, so a retry or a replay never doubles
 * one.
 */
@Context
public class CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);
    private static final Pattern MENU_KEY = Pattern.compile("[0-9*#]");
    private static final int BATCH = 500;
    /** The detail of a step recorded at each poll of the queue's wait URL. */
    public static final String WAITING = "waiting";
    /**
     * Calls per refresh statement. H2 checks each row a statement reads against its {@code IN} list one value at a
     * time, so the cost of a slice grows with its size times its rows: 1,000 calls a slice spent half the CPU of a
     * loaded helpline there (a JFR profile, 2026-12-04); with 100 their share fell to a fifth, for more statements.
     */
    private static final int SUMMARY_SLICE = 100;
    private static final Duration SPILL_WITHIN = Duration.ofSeconds(5);
    /** How far back a catch-up looks for calls other writers left behind. */
    private static final Duration CATCH_UP_SINCE = Duration.ofHours(6);

    private final EventStore store;
    private final CallSummaries summaries;
    private final SpillFile spill;
    private final Set<String> unsummarised = new HashSet<>();
    private final Clock clock;
    private final BlockingQueue<CallEvent> buffer;
    private final int spillAfter;
    private final Duration summaryInterval;
    private Instant summarisedAt = Instant.EPOCH;
    private final List<CallEvent> unsaved = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unnamed = new AtomicLong();
    private Instant failingSince;
    private final Duration catchUpAfter;
    private Instant catchUpAt;

    CallEvents(EventStore store, CallSummaries summaries, Clock clock, JsonMapper json,
               @Value("${helpline.events.buffer-capacity:20000}") int capacity,
               @Value("${helpline.events.spill-after:2000}") int spillAfter,
               @Value("${helpline.events.spill-file:data/call-events.spill}") String spillFile,
               @Value("${helpline.events.summary-interval:1s}") Duration summaryInterval,
               @Value("${helpline.events.catch-up-after:30s}") Duration catchUpAfter) {
        this.store = store;
        this.summaries = summaries;
        this.clock = clock;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.spillAfter = spillAfter;
        this.spill = new SpillFile(Path.of(spillFile), json);
        this.summaryInterval = summaryInterval;
        this.catchUpAfter = catchUpAfter;
        this.catchUpAt = clock.instant().plus(catchUpAfter);
    }

    /**
     * Notes a step of a call. {@code callSid} is {@link org.helpline.call.Call#sid()}, already checked to be of
     * Twilio's shape. {@code choice} is kept only when it is a single keypad key, so digits typed by mistake (a
     * phone number, say) are never stored.
     * <p>
     * A step with no CallSid (none, or none of Twilio's shape) is answered but not recorded: it belongs to no call
     * that can be told apart, and kept under one made-up name, every such step would pile up as a single "call"
     * with thousands of steps, which the figures for the queue right now would read through on every page.
     */
    public void record(@Nullable String callSid, String node, @Nullable String choice, @Nullable String nextNode,
                       Language language, @Nullable String detail, @Nullable Integer seconds) {
        if (callSid == null) {
            unnamed.incrementAndGet();
            return;
        }
        String key = choice != null && MENU_KEY.matcher(choice).matches() ? choice : null;
        // Time-ordered ids (UUID version 7): each new one sorts after the last, so a batch adds to the end of the
        // primary key's index instead of copying a random page of it for every row (random ids did, on H2 and
        // PostgreSQL alike), and it needs no SecureRandom per step.
        CallEvent event = new CallEvent(UuidCreator.getTimeOrderedEpoch(), callSid, node, key, nextNode,
            language.code(), detail, seconds, clock.instant());
        if (buffer.offer(event)) {
            return;
        }
        try {
            spill.append(List.of(event));
        } catch (RuntimeException e) {
            long count = dropped.incrementAndGet();
            LOG.error("Call event buffer full and spill file unwritable: {} events dropped so far ({})", count,
                e.toString());
        }
    }

    /** Synchronized because shutdown flushes too, and the same batch must not be in two writes at once. */
    @Scheduled(fixedDelay = "${helpline.events.flush-interval:200ms}")
    synchronized void flush() {
        try {
            if (spill.hasEvents()) {
                spill.replay(BATCH, batch -> write(new ArrayList<>(batch), true));
            }
            while (true) {
                if (unsaved.isEmpty()) {
                    buffer.drainTo(unsaved, BATCH);
                }
                if (unsaved.isEmpty()) {
                    break;
                }
                // A batch that failed before may be in the database already.
                write(unsaved, failingSince != null);
                unsaved.clear();
            }
            summarise(false);
            if (failingSince != null) {
                LOG.info("Call events are being saved again, after failures since {}", failingSince);
                failingSince = null;
                // Another instance may have stopped in the same outage, leaving its calls unsummarised.
                catchUpAt = clock.instant().plus(catchUpAfter);
            }
            catchUp();
        } catch (RuntimeException e) {
            // Once per outage, not every few hundred milliseconds.
            if (failingSince == null) {
                failingSince = clock.instant();
                LOG.warn("Cannot save call events; keeping them and retrying: {}", e.toString());
            }
            // Soon to the file whatever the count, so a process killed in an outage loses seconds, not everything.
            if (pending() >= spillAfter || !clock.instant().isBefore(failingSince.plus(SPILL_WITHIN))) {
                spillHeld();
            }
        }
    }

    /** Events held in memory, waiting to be written, for health checks and tests. */
    public int pending() {
        return buffer.size() + unsaved.size();
    }

    /** Whether everything recorded so far is written and counted in the summaries (for tests). */
    public synchronized boolean settled() {
        return pending() == 0 && unsummarised.isEmpty() && !spill.hasEvents();
    }

    /** Steps not recorded because they carried no CallSid of Twilio's shape, since start-up. */
    public long unnamedSteps() {
        return unnamed.get();
    }

    /** Whether events wait in the spill file. */
    public boolean spilled() {
        return spill.hasEvents();
    }

    @PreDestroy
    synchronized void close() {
        flush();
        try {
            summarise(true);
        } catch (RuntimeException e) {
            // The events are saved; their summaries are recomputed when the calls' next events arrive.
            LOG.warn("Cannot update {} call summaries before stopping: {}", unsummarised.size(), e.toString());
        }
        if (pending() > 0) {
            spillHeld();
        }
    }

    private void write(List<CallEvent> events, boolean retry) {
        store.save(events, retry);
        for (CallEvent event : events) {
            // A caller in the queue polls the wait URL again and again, and a poll changes nothing in the call's
            // summary but its count of steps: refreshing on each one re-read every waiting call's growing list of
            // steps every few seconds. The call's next other step (its queue result, its end) counts them all.
            if (!WAITING.equals(event.detail())) {
                unsummarised.add(event.callSid());
            }
        }
    }

    /**
     * Recomputes the summaries of the calls written since the last time, and rolls up their change, at most once
     * per {@code summary-interval}: under load one refresh then serves many batches, and a call's many steps are
     * summed once. The dashboard is that much behind the calls. Every second rather than every 5: the work is
     * about the same per call, in bursts a fifth the size, which the requests sharing the core wait behind. In
     * bench/load.sh (2026-12-04) the H2 run went from 7,492 to 9,207 requests/s and p99 at 2,000/s from 102 to 49
     * ms; on PostgreSQL the figures moved within the machine's noise (p99 4.8 to 9.2 ms, against 7.6 to 8.1).
     */
    private void summarise(boolean now) {
        Instant at = clock.instant();
        if (unsummarised.isEmpty() || (!now && at.isBefore(summarisedAt.plus(summaryInterval)))) {
            return;
        }
        // In slices (see SUMMARY_SLICE), which also keep each statement within what every database takes, even
        // when a spill file of a long outage has just been written back.
        List<String> calls = new ArrayList<>(unsummarised);
        for (int start = 0; start < calls.size(); start += SUMMARY_SLICE) {
            List<String> slice = calls.subList(start, Math.min(calls.size(), start + SUMMARY_SLICE));
            summaries.refresh(slice);
            slice.forEach(unsummarised::remove);
        }
        summarisedAt = at;
    }

    /**
     * Once, a while after start-up and after each outage, takes on the calls of the last hours that no writer
     * summarised (see {@link CallSummaries#leftBehind}); they are summarised with the next refresh. Off the
     * start-up path, and rare, because it reads hours of steps.
     */
    private void catchUp() {
        Instant now = clock.instant();
        if (catchUpAt == null || now.isBefore(catchUpAt)) {
            return;
        }
        // Up to now: a call another instance is still writing may be refreshed once more, which changes nothing.
        Set<String> calls = summaries.leftBehind(now.minus(CATCH_UP_SINCE), now);
        catchUpAt = null;
        if (!calls.isEmpty()) {
            LOG.info("Catching up {} calls that were saved but not summarised", calls.size());
            unsummarised.addAll(calls);
        }
    }

    private void spillHeld() {
        buffer.drainTo(unsaved);
        int count = unsaved.size();
        try {
            spill.append(unsaved);
            unsaved.clear();
            LOG.debug("Moved {} call events to the spill file", count);
        } catch (RuntimeException e) {
            LOG.error("Cannot spill {} call events; keeping them in memory: {}", count, e.toString());
        }
    }
}
