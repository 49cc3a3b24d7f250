package org.helpline.sms;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The numbers that asked for no more texts, by their keyed hash. A STOP or START counts on this instance the moment
 * it arrives (it is kept in memory) and is written to the database off the request path, so the webhook answers at
 * once whether or not the database is up. A change that cannot be written stays in memory and is tried again every
 * few seconds; other instances see a change once it is written. It is lost only if this instance stops before
 * the database is back (the log says how many).
 */
@Singleton
class OptOuts {

    private static final Logger LOG = LoggerFactory.getLogger(OptOuts.class);
    /** After a failed read or write, how long lookups skip the database rather than each wait for its timeout. */
    private static final long QUIET_AFTER_FAILURE = TimeUnit.SECONDS.toNanos(5);
    private static final long NEVER = Long.MIN_VALUE;

    private final OptOutRepository repository;
    private final Clock clock;
    private final ExecutorService blocking;
    /** The latest change for each number not yet in the database; a later change replaces an earlier one. */
    private final Map<String, Change> unwritten = new ConcurrentHashMap<>();
    private final AtomicBoolean writeQueued = new AtomicBoolean();
    /** When reading or writing last failed ({@link System#nanoTime}), or NEVER since the last success. */
    private final AtomicLong lastFailure = new AtomicLong(NEVER);

    /** An opt-out ({@code optOut}) or its end, and when the text asking for it arrived. */
    private record Change(boolean optOut, Instant at) {
    }

    OptOuts(OptOutRepository repository, Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.repository = repository;
        this.clock = clock;
        this.blocking = blocking;
    }

    void optOut(String numberHash) {
        unwritten.put(numberHash, new Change(true, clock.instant()));
        writeSoon();
    }

    void optIn(String numberHash) {
        unwritten.put(numberHash, new Change(false, clock.instant()));
        writeSoon();
    }

    /**
     * Whether texts to this number must not be sent. When the database cannot say, true: a text wrongly held back
     * can be asked for again or given by a specialist, a text sent after STOP cannot be taken back.
     */
    boolean optedOut(String numberHash) {
        Change change = unwritten.get(numberHash);
        if (change != null) {
            return change.optOut();
        }
        long failedAt = lastFailure.get();
        if (failedAt != NEVER && System.nanoTime() - failedAt < QUIET_AFTER_FAILURE) {
            return true;
        }
        try {
            boolean found = repository.existsById(numberHash);
            noteSuccess();
            return found;
        } catch (RuntimeException e) {
            noteFailure("read", e);
            return true;
        }
    }

    /** Tries again what could not be written; there is nothing to do while the database keeps up. */
    @Scheduled(fixedDelay = "${helpline.sms.opt-out-retry:5s}")
    void retry() {
        if (!unwritten.isEmpty()) {
            writeSoon();
        }
    }

    /** One write at a time, so an older change for a number can never land after a newer one. */
    synchronized void write() {
        for (Map.Entry<String, Change> entry : unwritten.entrySet()) {
            try {
                apply(entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                noteFailure("write", e);
                return;
            }
            // Removed only if no newer change came in meanwhile; that one is written on the next round.
            unwritten.remove(entry.getKey(), entry.getValue());
            noteSuccess();
        }
    }

    @PreDestroy
    void close() {
        write();
        if (!unwritten.isEmpty()) {
            LOG.warn("Stopping with {} texting opt-out changes (STOP or START) never written: they are lost. Twilio's "
                + "own block still stops texts after a lost STOP; a lost START leaves the number opted out here",
                unwritten.size());
        }
    }

    private void apply(String numberHash, Change change) {
        if (!change.optOut()) {
            repository.deleteById(numberHash);
        } else if (!repository.existsById(numberHash)) {
            repository.save(new OptOut(numberHash, change.at()));
        }
    }

    private void writeSoon() {
        if (!writeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            blocking.execute(() -> {
                writeQueued.set(false);
                write();
            });
        } catch (RejectedExecutionException stopping) {
            // The service is stopping: close() writes what is left, or says how much is lost.
            writeQueued.set(false);
        }
    }

    private void noteFailure(String what, RuntimeException e) {
        // Once per outage, not on every retry or lookup.
        if (lastFailure.getAndSet(System.nanoTime()) == NEVER) {
            LOG.warn("Cannot {} texting opt-outs ({} STOP or START kept in memory, tried again every few seconds; "
                + "meanwhile no resource list is texted): {}", what, unwritten.size(), e.toString());
        }
    }

    private void noteSuccess() {
        if (lastFailure.getAndSet(NEVER) != NEVER) {
            LOG.info("Texting opt-outs can be read and written again");
        }
    }
}
