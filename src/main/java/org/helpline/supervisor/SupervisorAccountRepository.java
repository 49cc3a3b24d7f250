package org.helpline.supervisor;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface SupervisorAccountRepository extends CrudRepository<SupervisorAccount, Long> {

    Optional<SupervisorAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<SupervisorAccount> findAllOrderByUsername();
}
