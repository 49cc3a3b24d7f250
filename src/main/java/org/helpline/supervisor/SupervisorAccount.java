package org.helpline.supervisor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Someone who may sign in to the supervisors' pages. Only a bcrypt hash of the password is kept. */
@MappedEntity("supervisor")
public record SupervisorAccount(
    @Id @GeneratedValue @Nullable Long id,
    String username,
    String passwordHash,
    Instant createdAt) {

    @Override
    public String toString() {
        return "SupervisorAccount[" + username + "]";
    }
}
