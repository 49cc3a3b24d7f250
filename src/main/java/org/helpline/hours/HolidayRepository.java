package org.helpline.hours;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface HolidayRepository extends CrudRepository<Holiday, Long> {

    Optional<Holiday> findByHolidayDate(LocalDate holidayDate);
}
