package org.helpline.event;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import org.helpline.flow.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Records call events off the request path: a webhook only adds to a bounded buffer, and a scheduled writer saves
 * batches. If the database fails, the batch is kept and tried again, so a slow or absent database never slows a
 * caller. After each batch the calls it touched get their summaries recomputed (see {@link CallSummaries}); a
 * failed recompute is tried again with the next batch. Known limit: when the buffer is full, new events are
 * dropped and counted (see README).
 */
@Context
public class CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern MENU_KEY = Pattern.compile("[0-9*#]");
    private static final int BATCH = 500;

    private final CallEventRepository repository;
    private final CallSummaries summaries;
    private final Set<String> unsummarised = new HashSet<>();
    private final Clock clock;
    private final BlockingQueue<CallEvent> buffer;
    private final List<CallEvent> unsaved = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private Instant failingSince;

    CallEvents(CallEventRepository repository, CallSummaries summaries, Clock clock,
               @Value("${helpline.events.buffer-capacity:50000}") int capacity) {
        this.repository = repository;
        this.summaries = summaries;
        this.clock = clock;
        this.buffer = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Notes a step of a call. {@code choice} is kept only when it is a single keypad key, so digits typed by
     * mistake (a phone number, say) are never stored.
     */
    public void record(@Nullable String callSid, String node, @Nullable String choice, @Nullable String nextNode,
                       Language language, @Nullable String detail, @Nullable Integer seconds) {
        String sid = callSid != null && CALL_SID.matcher(callSid).matches() ? callSid : "unknown";
        String key = choice != null && MENU_KEY.matcher(choice).matches() ? choice : null;
        CallEvent event = new CallEvent(UUID.randomUUID(), sid, node, key, nextNode, language.code(), detail,
            seconds, clock.instant());
        if (!buffer.offer(event)) {
            long count = dropped.incrementAndGet();
            LOG.warn("Call event buffer full: {} events dropped so far", count);
        }
    }

    /** Synchronized because shutdown flushes too, and a batch saved twice would be refused as a duplicate. */
    @Scheduled(fixedDelay = "${helpline.events.flush-interval:200ms}")
    synchronized void flush() {
        while (true) {
            if (unsaved.isEmpty()) {
                buffer.drainTo(unsaved, BATCH);
            }
            if (unsaved.isEmpty()) {
                return;
            }
            try {
                repository.saveAll(unsaved);
                unsaved.forEach(event -> unsummarised.add(event.callSid()));
                unsaved.clear();
                summaries.refresh(unsummarised);
                unsummarised.clear();
                if (failingSince != null) {
                    LOG.info("Call events are being saved again, after failures since {}", failingSince);
                    failingSince = null;
                }
            } catch (RuntimeException e) {
                // Once per outage, not every few hundred milliseconds.
                if (failingSince == null) {
                    failingSince = clock.instant();
                    LOG.warn("Cannot save call events; keeping them and retrying: {}", e.toString());
                }
                return;
            }
        }
    }

    /** Events waiting to be written, for health checks and tests. */
    public int pending() {
        return buffer.size() + unsaved.size();
    }

    @PreDestroy
    void close() {
        flush();
    }
}
