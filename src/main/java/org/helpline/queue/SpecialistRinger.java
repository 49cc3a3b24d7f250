package org.helpline.queue;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.helpline.call.PublicUrls;
import org.helpline.twilio.TwilioApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rings the specialists on duty, through Twilio's REST API, when a caller joins the queue and no ring-out is under
 * way: each answers into {@code /voice/specialist} and takes the longest-waiting caller. Runs on the scheduler, never
 * on the caller's request; failures (401, 429, 5xx, timeouts) are logged and retried with growing delays, a
 * bounded number of times.
 */
@Singleton
public class SpecialistRinger {

    private static final Logger LOG = LoggerFactory.getLogger(SpecialistRinger.class);

    private final TwilioApi twilio;
    private final TaskScheduler scheduler;
    private final PublicUrls urls;
    private final Clock clock;
    private final List<String> specialists;
    private final String helplineNumber;
    private final int attempts;
    private final Duration firstRetry;
    private final Duration quietPeriod;
    private final AtomicReference<Instant> lastRing = new AtomicReference<>(Instant.MIN);

    SpecialistRinger(TwilioApi twilio, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, PublicUrls urls,
                     Clock clock,
                     @Value("${helpline.specialists.numbers:}") List<String> specialists,
                     @Value("${helpline.specialists.caller-id:}") String helplineNumber,
                     @Value("${helpline.specialists.attempts:4}") int attempts,
                     @Value("${helpline.specialists.first-retry:2s}") Duration firstRetry,
                     @Value("${helpline.specialists.quiet-period:60s}") Duration quietPeriod) {
        this.twilio = twilio;
        this.scheduler = scheduler;
        this.urls = urls;
        this.clock = clock;
        this.specialists = specialists.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.helplineNumber = helplineNumber;
        this.attempts = attempts;
        this.firstRetry = firstRetry;
        this.quietPeriod = quietPeriod;
    }

    /** Starts ringing unless a ring-out began within the quiet period; returns at once either way. */
    public void callerJoined(String callSid) {
        if (twilio.client().isEmpty() || specialists.isEmpty() || helplineNumber.isBlank()) {
            return;
        }
        Instant now = clock.instant();
        Instant previous = lastRing.get();
        if (previous.isAfter(now.minus(quietPeriod)) || !lastRing.compareAndSet(previous, now)) {
            return;
        }
        LOG.info("Caller {} joined the queue: ringing {} specialists", callSid, specialists.size());
        for (int index = 0; index < specialists.size(); index++) {
            int specialist = index;
            scheduler.schedule(Duration.ZERO, () -> ring(specialist, 1));
        }
    }

    /** Twilio's HTTP status says whether it is our credentials (401), a limit (429) or Twilio itself (5xx). */
    private static String describe(RuntimeException e) {
        if (e instanceof ApiException api && api.getStatusCode() != null) {
            return "Twilio answered HTTP " + api.getStatusCode() + (api.getStatusCode() == 401
                ? " (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)" : "");
        }
        return e.getClass().getSimpleName() + " (no answer from Twilio in time, or no connection)";
    }

    private void ring(int specialist, int attempt) {
        try {
            Call.creator(new PhoneNumber(specialists.get(specialist)), new PhoneNumber(helplineNumber),
                URI.create(urls.base() + "/voice/specialist?screen=true")).create(twilio.client().get());
            LOG.info("Specialist {} is being rung", specialist + 1);
        } catch (RuntimeException e) {
            if (attempt >= attempts) {
                LOG.error("Giving up ringing specialist {} after {} attempts: {}", specialist + 1, attempt,
                    describe(e));
                return;
            }
            Duration delay = firstRetry.multipliedBy(1L << (attempt - 1));
            LOG.warn("Ringing specialist {} failed (attempt {}), retrying in {} ms: {}", specialist + 1, attempt,
                delay.toMillis(), describe(e));
            scheduler.schedule(delay, () -> ring(specialist, attempt + 1));
        }
    }
}
