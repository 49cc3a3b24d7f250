package org.helpline.queue;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.hours.OpeningHours;

import java.time.Clock;

/**
 * Whether a caller asking for a specialist joins the queue now, or first hears that the line is closed or the wait
 * long, with a call back offered. Past the maximum queue size or expected wait the caller may still choose to wait.
 */
@Singleton
public class QueuePolicy {

    /** What happens to a caller asking for a specialist. */
    public enum Entry { JOIN, CLOSED, BUSY }

    private final OpeningHours hours;
    private final QueueStats stats;
    private final Clock clock;
    private final int maxSize;
    private final int maxWaitSeconds;

    QueuePolicy(OpeningHours hours, QueueStats stats, Clock clock,
                @Value("${helpline.queue.max-size:20}") int maxSize,
                @Value("${helpline.queue.max-wait-seconds:900}") int maxWaitSeconds) {
        this.hours = hours;
        this.stats = stats;
        this.clock = clock;
        this.maxSize = maxSize;
        this.maxWaitSeconds = maxWaitSeconds;
    }

    public Entry entry() {
        if (!hours.isOpen(clock.instant())) {
            return Entry.CLOSED;
        }
        boolean tooLong = stats.current()
            .map(now -> now.size() >= maxSize || now.averageWaitSeconds() > maxWaitSeconds)
            .orElse(false);
        return tooLong ? Entry.BUSY : Entry.JOIN;
    }
}
