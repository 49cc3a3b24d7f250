package org.helpline.hours;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Specialists take calls on {@code dayOfWeek} (1 Monday to 7 Sunday) from one local minute until another. */
@MappedEntity("opening_hours")
public record WeeklyHours(
    @Id @GeneratedValue @Nullable Long id,
    int dayOfWeek,
    int opensMinute,
    int closesMinute) {
}
