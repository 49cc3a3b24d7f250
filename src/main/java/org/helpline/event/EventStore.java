package org.helpline.event;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of events. A batch is retried after a failure, and a commit that succeeded just as the connection
 * dropped looks like a failure: so a retried or replayed batch first skips the events already in the database, and
 * nothing is written twice. A first try skips that look-up, which costs as much as the insert.
 * <p>
 * The rows go in as one JDBC batch of a single prepared insert rather than through the repository's
 * {@code saveAll}, whose bookkeeping for each entity (auto-populated values, copies of the entity) was a sixth of
 * the event writer's allocation under load (JFR, bench/load.sh, 2026-12-04), for rows that need none of it. The
 * menu choices among them are counted in the same transaction and go in marked as counted (see
 * {@link ChoiceRollup#addInserted}).
 */
@Singleton
class EventStore {

    private static final String INSERT = "INSERT INTO call_event (id, call_sid, node, choice, next_node, language, "
        + "detail, seconds, occurred_at, rolled_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final CallEventRepository repository;
    private final JdbcOperations jdbc;

    EventStore(CallEventRepository repository, JdbcOperations jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Transactional
    void save(List<CallEvent> events, boolean someMayBeSaved) {
        if (events.isEmpty()) {
            return;
        }
        List<CallEvent> rows = someMayBeSaved ? notYetSaved(events) : events;
        if (rows.isEmpty()) {
            return;
        }
        // The choices are counted in the insert's transaction: a batch that failed took its counts with it, and
        // one that was saved after all is skipped above with its counts.
        jdbc.execute((Connection connection) -> {
            ChoiceRollup.addInserted(connection, rows);
            insert(connection, rows);
            return null;
        });
    }

    private List<CallEvent> notYetSaved(List<CallEvent> events) {
        Set<UUID> present = Set.copyOf(repository.findIdByIdIn(events.stream().map(CallEvent::id).toList()));
        return events.stream().filter(event -> !present.contains(event.id())).toList();
    }

    private static void insert(Connection connection, List<CallEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CallEvent event : events) {
                insert.setObject(1, event.id());
                insert.setString(2, event.callSid());
                insert.setString(3, event.node());
                insert.setString(4, event.choice());
                insert.setString(5, event.nextNode());
                insert.setString(6, event.language());
                insert.setString(7, event.detail());
                if (event.seconds() == null) {
                    insert.setNull(8, Types.INTEGER);
                } else {
                    insert.setInt(8, event.seconds());
                }
                insert.setObject(9, event.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setBoolean(10, ChoiceRollup.isChoice(event));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
