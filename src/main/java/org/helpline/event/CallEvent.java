package org.helpline.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of one call: at {@code node} the caller pressed {@code choice} (null for silence or a stray key) and
 * went on to {@code nextNode}. {@code detail} says more where a step needs it (a queue result, a call status);
 * {@code seconds} is a time in queue or a call's duration. Never a phone number.
 */
@MappedEntity("call_event")
@Serdeable
public record CallEvent(
    @Id UUID id,
    String callSid,
    String node,
    @Nullable String choice,
    @Nullable String nextNode,
    String language,
    @Nullable String detail,
    @Nullable Integer seconds,
    Instant occurredAt) {
}
