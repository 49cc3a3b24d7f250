package org.helpline.callback;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.helpline.flow.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Takes call-back requests and deletes them a set number of days after they are done or failed. */
@Singleton
public class CallbackRequests {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackRequests.class);

    private final CallbackRequestRepository repository;
    private final Clock clock;
    private final Duration retention;

    CallbackRequests(CallbackRequestRepository repository, Clock clock,
                     @Value("${helpline.callbacks.retention-days:30}") int retentionDays) {
        this.repository = repository;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
    }

    /**
     * Stores the call's pending request, or changes its number if the call already has one, so a caller who
     * confirms twice or gives another number is still one request. False if it could not be stored.
     */
    boolean request(@Nullable String callSid, String phone, Language language) {
        if (callSid == null) {
            return false;
        }
        try {
            var existing = repository.findByCallSid(callSid).stream()
                .filter(request -> CallbackRequest.PENDING.equals(request.status())).findFirst();
            if (existing.isPresent()) {
                CallbackRequest request = existing.get();
                repository.update(new CallbackRequest(request.id(), callSid, phone, language.code(),
                    CallbackRequest.PENDING, request.requestedAt(), null));
                return true;
            }
            repository.save(new CallbackRequest(UUID.randomUUID(), callSid, phone, language.code(),
                CallbackRequest.PENDING, clock.instant(), null));
            LOG.info("Call back requested on call {}", callSid);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Call back request on call {} could not be stored: {}", callSid, e.toString());
            return false;
        }
    }

    /**
     * Takes back the call's pending request: the caller turned the offer down (another number, the main menu, a
     * specialist, or no answer the menu could use). Nothing to take back is fine; a failure only leaves the request
     * for a supervisor to close.
     */
    void withdraw(@Nullable String callSid) {
        // A request with no CallSid (not from Twilio) has no request to withdraw.
        if (callSid == null) {
            return;
        }
        try {
            repository.findByCallSid(callSid).stream()
                .filter(request -> CallbackRequest.PENDING.equals(request.status()))
                .forEach(request -> {
                    repository.delete(request);
                    LOG.info("Call back request on call {} withdrawn by the caller", callSid);
                });
        } catch (RuntimeException e) {
            LOG.warn("Call back request on call {} could not be withdrawn: {}", callSid, e.toString());
        }
    }

    /** Pending requests, oldest first. */
    public List<CallbackRequest> pending() {
        return repository.findByStatusOrderByRequestedAt(CallbackRequest.PENDING);
    }

    /** Marks a pending request done or failed; false when there is no such pending request. */
    public boolean close(UUID id, String status) {
        return repository.findById(id)
            .filter(request -> CallbackRequest.PENDING.equals(request.status()))
            .map(request -> {
                repository.update(new CallbackRequest(request.id(), request.callSid(), request.phone(),
                    request.language(), status, request.requestedAt(), clock.instant()));
                LOG.info("Call back {} marked {}", request.id(), status);
                return true;
            })
            .orElse(false);
    }

    /** Deletes requests done or failed longer ago than the retention period; returns how many. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    public int purge() {
        int deleted = repository.deleteByStatusInAndDoneAtLessThan(
            List.of(CallbackRequest.DONE, CallbackRequest.FAILED), clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("Deleted {} call-back requests past their retention", deleted);
        }
        return deleted;
    }
}
