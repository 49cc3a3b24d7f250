package org.helpline.event;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.ANSI)
public interface CallEventRepository extends CrudRepository<CallEvent, UUID> {

    List<CallEvent> findByCallSidOrderByOccurredAt(String callSid);

    List<UUID> findIdByIdIn(Collection<UUID> ids);

    /** One batch is all or nothing, so a batch retried after a failure is never half written twice. */
    @Override
    @Transactional
    <S extends CallEvent> List<S> saveAll(Iterable<S> events);
}
