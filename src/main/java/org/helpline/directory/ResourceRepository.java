package org.helpline.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ResourceRepository extends CrudRepository<Resource, Long> {

    List<Resource> findByActiveTrueOrderByPosition();
}
