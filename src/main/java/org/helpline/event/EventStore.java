package org.helpline.event;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a batch of events. A batch is retried after a failure, and a commit that succeeded just as the connection
 * dropped looks like a failure: so a retried or replayed batch first skips the events already in the database, and
 * nothing is written twice. A first try skips that look-up, which costs as much as the insert.
 */
@Singleton
class EventStore {

    private final CallEventRepository repository;

    EventStore(CallEventRepository repository) {
        this.repository = repository;
    }

    @Transactional
    void save(List<CallEvent> events, boolean someMayBeSaved) {
        if (events.isEmpty()) {
            return;
        }
        if (!someMayBeSaved) {
            repository.saveAll(events);
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
