package org.helpline.sms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often the resource list may be texted: once per call, and a few times per number in a window. Caller ID can
 * be spoofed, so without these anyone could make the helpline text a chosen number again and again.
 * <p>
 * Both are kept in this instance's memory only: with several instances behind a load balancer, a call whose
 * webhooks land on different instances may be texted once per instance, and a number may get the per-number limit
 * from each instance. That still bounds the texts; a shared store would make the bound exact (README, Limits).
 * Numbers are held only as their keyed hash ({@link NumberHash}) and only for the window.
 */
@Singleton
class ListTextLimits {

    /** Twilio ends a call after at most 24 hours (4 by default), so a call's mark is never dropped while it lasts. */
    private static final Duration LONGEST_CALL = Duration.ofHours(24);
    /** Far beyond a helpline's calls in a day; only bounds memory against a flood. */
    private static final long MOST_KEPT = 100_000;

    /** The CallSids the list was texted on. */
    private final Cache<String, Boolean> calls;
    /** Texts per number hash since its first text in the window; the window is not extended by later texts. */
    private final Cache<String, AtomicInteger> numbers;
    private final int perNumber;

    ListTextLimits(@Value("${helpline.sms.list-texts-per-number:3}") int perNumber,
                   @Value("${helpline.sms.list-texts-window:1h}") Duration window) {
        this.perNumber = perNumber;
        // Upkeep (dropping expired entries) on the calling thread: it is tiny here, and Caffeine's default, the common
        // pool, starts a thread per task on a machine with two cores.
        this.calls = Caffeine.newBuilder().expireAfterWrite(LONGEST_CALL).maximumSize(MOST_KEPT)
            .executor(Runnable::run).build();
        this.numbers = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MOST_KEPT)
            .executor(Runnable::run).build();
    }

    /** Whether the list was already texted on this call. */
    boolean textedOnCall(String callSid) {
        return calls.getIfPresent(callSid) != null;
    }

    /**
     * Takes this call's one text and one of the number's texts in the window, or neither: ALREADY_SENT when the call
     * had its text (a repeated request that raced the first), NUMBER_AT_LIMIT when the number had its texts.
     */
    Verdict take(String callSid, String numberHash) {
        if (calls.asMap().putIfAbsent(callSid, Boolean.TRUE) != null) {
            return Verdict.ALREADY_SENT;
        }
        // Counted in place, not put again: a put would restart the window at every text.
        if (numbers.get(numberHash, hash -> new AtomicInteger()).incrementAndGet() > perNumber) {
            // Given back so that a later request on this call is told it cannot be sent, not that it was.
            calls.invalidate(callSid);
            return Verdict.NUMBER_AT_LIMIT;
        }
        return Verdict.SEND;
    }

    /** What {@link #take} decided. */
    enum Verdict {
        SEND, ALREADY_SENT, NUMBER_AT_LIMIT
    }
}
