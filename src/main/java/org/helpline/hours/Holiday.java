package org.helpline.hours;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** A local date whose hours replace the weekly ones; without minutes the line is closed that whole day. */
@MappedEntity("holiday")
public record Holiday(
    @Id @GeneratedValue @Nullable Long id,
    LocalDate holidayDate,
    @Nullable Integer opensMinute,
    @Nullable Integer closesMinute,
    String name) {
}
