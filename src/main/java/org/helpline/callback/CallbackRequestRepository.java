package org.helpline.callback;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.ANSI)
public interface CallbackRequestRepository extends CrudRepository<CallbackRequest, UUID> {

    List<CallbackRequest> findByStatusOrderByRequestedAt(String status);

    List<CallbackRequest> findByCallSid(String callSid);

    int deleteByStatusInAndDoneAtLessThan(Collection<String> statuses, Instant before);
}
