package org.helpline.callback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A caller's request to be called back. Holds a phone number, so it is never logged or printed; the record's
 * {@code toString} leaves the number out.
 */
@MappedEntity("callback_request")
public record CallbackRequest(
    @Id UUID id,
    String callSid,
    String phone,
    String language,
    String status,
    Instant requestedAt,
    @Nullable Instant doneAt) {

    public static final String PENDING = "pending";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Override
    public String toString() {
        return "CallbackRequest[" + id + ", " + status + "]";
    }
}
