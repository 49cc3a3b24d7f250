package org.helpline.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A local resource for supporters, as kept in the directory. {@code phone} holds ten digits when set. */
@MappedEntity("resource")
public record Resource(
    @Id @GeneratedValue @Nullable Long id,
    String category,
    String name,
    @Nullable String phone,
    @Nullable String website,
    int position,
    boolean active) {
}
