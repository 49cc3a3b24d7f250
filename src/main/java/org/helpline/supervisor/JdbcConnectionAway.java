package org.helpline.supervisor;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The same plain 503 as {@link DatabaseAway}, when the pool has no connection to give: this exception belongs to
 * neither of Micronaut Data's other families, and without this it would be a 500.
 */
@Singleton
@Produces
@Requires(classes = {CannotGetJdbcConnectionException.class, ExceptionHandler.class})
class JdbcConnectionAway implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        return DatabaseAway.answer(request, exception);
    }
}
