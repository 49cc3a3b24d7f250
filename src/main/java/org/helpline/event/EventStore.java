package org.helpline.event;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a batch of events, skipping any already in the database. A batch is retried after a failure, and a commit
 * that succeeded just as the connection dropped looks like a failure: skipping by id makes the retry write nothing
 * twice.
 */
@Singleton
class EventStore {

    private final CallEventRepository repository;

    EventStore(CallEventRepository repository) {
        this.repository = repository;
    }

    @Transactional
    void saveNew(List<CallEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<UUID> present = Set.copyOf(repository.findIdByIdIn(events.stream().map(CallEvent::id).toList()));
        List<CallEvent> missing = events.stream().filter(event -> !present.contains(event.id()))
            .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            repository.saveAll(missing);
        }
    }
}
