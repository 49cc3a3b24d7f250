package org.helpline.outage;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Something a call needs from the database (the directory, the opening hours), kept in memory so a caller is never
 * kept waiting on the database and hears the same menu while it is down. The copy is read again in the background
 * once it is older than {@code freshFor}; a failed read keeps the last good copy and is logged once per outage.
 * Changes made on this instance are seen on the next call ({@link #changed()}); changes made on another instance
 * within {@code freshFor} and one call. Owners read the copy at start-up, so callers never pay for the first read;
 * if there is still no copy, a caller waits for the database at most once per {@code freshFor}, not every call.
 */
public final class LastGoodCopy<T> {

    private static final Logger LOG = LoggerFactory.getLogger(LastGoodCopy.class);
    private static final String KEY = "copy";
    /**
     * Where copies are read again. Caffeine's default, the common pool, starts a new thread for every task on a
     * machine with two cores; one named, long-lived thread is plenty for a read every few seconds.
     */
    private static final Executor REFRESH = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "last-good-copy");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final Supplier<T> read;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final LoadingCache<String, T> cache;
    private final long freshForNanos;
    private volatile long lastFailedRead = Long.MIN_VALUE;

    public LastGoodCopy(String name, Duration freshFor, Supplier<T> read) {
        this.name = name;
        this.read = read;
        this.freshForNanos = freshFor.toNanos();
        this.cache = Caffeine.newBuilder().executor(REFRESH).refreshAfterWrite(freshFor).build(new Loader());
    }

    /** The copy, or nothing if it has never been read (the database was down from the start). */
    public Optional<T> get() {
        T kept = cache.getIfPresent(KEY);
        if (kept != null) {
            return Optional.of(kept);
        }
        if (lastFailedRead != Long.MIN_VALUE && System.nanoTime() - lastFailedRead < freshForNanos) {
            return Optional.empty();
        }
        try {
            return Optional.of(cache.get(KEY));
        } catch (RuntimeException e) {
            lastFailedRead = System.nanoTime();
            noteFailure(e);
            return Optional.empty();
        }
    }

    /** Drops the copy after a change made here, so the next call reads the change. */
    public void changed() {
        cache.invalidateAll();
    }

    private void noteFailure(RuntimeException e) {
        if (failing.compareAndSet(false, true)) {
            LOG.warn("Cannot read the {}; using the last good copy, if any, until it can be read: {}", name,
                e.toString());
        }
    }

    private final class Loader implements CacheLoader<String, T> {

        @Override
        public T load(String key) {
            T value = read.get();
            if (failing.compareAndSet(true, false)) {
                LOG.info("The {} can be read again", name);
            }
            return value;
        }

        @Override
        public T reload(String key, T oldValue) {
            try {
                return load(key);
            } catch (RuntimeException e) {
                noteFailure(e);
                return oldValue;
            }
        }
    }
}
