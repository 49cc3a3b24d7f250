package org.helpline.queue;

import com.twilio.base.ResourceSet;
import com.twilio.rest.api.v2010.account.Queue;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.helpline.twilio.TwilioApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The specialists' queue as Twilio last reported it (callers waiting, average wait), refreshed in the background
 * so no caller waits on the REST API. Without a Twilio account, or when the figures are stale, nothing is known.
 */
@Singleton
public class QueueStats {

    private static final Logger LOG = LoggerFactory.getLogger(QueueStats.class);
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    /** What Twilio said, and when. */
    public record Snapshot(int size, int averageWaitSeconds, Instant at) {
    }

    private final TwilioApi twilio;
    private final String queueName;
    private final Clock clock;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();

    QueueStats(TwilioApi twilio, @Value("${helpline.queue.name}") String queueName, Clock clock) {
        this.twilio = twilio;
        this.queueName = queueName;
        this.clock = clock;
    }

    public Optional<Snapshot> current() {
        Snapshot snapshot = latest.get();
        if (snapshot == null || snapshot.at().plus(STALE_AFTER).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(snapshot);
    }

    @Scheduled(fixedDelay = "${helpline.queue.stats-interval:10s}", initialDelay = "2s")
    void refresh() {
        if (twilio.client().isEmpty()) {
            return;
        }
        try {
            ResourceSet<Queue> queues = Queue.reader().read(twilio.client().get());
            for (Queue queue : queues) {
                if (queueName.equals(queue.getFriendlyName())) {
                    latest.set(new Snapshot(value(queue.getCurrentSize()), value(queue.getAverageWaitTime()),
                        clock.instant()));
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Queue figures from Twilio unavailable: {}", e.getClass().getSimpleName());
        }
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }
}
