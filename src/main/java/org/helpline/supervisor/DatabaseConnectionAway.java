package org.helpline.supervisor;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The same plain 503 as {@link DatabaseAway}, for a connection that failed (Micronaut Data's other family). */
@Singleton
@Produces
@Requires(classes = {ConnectionException.class, ExceptionHandler.class})
class DatabaseConnectionAway implements ExceptionHandler<ConnectionException, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, ConnectionException exception) {
        return DatabaseAway.answer(request, exception);
    }
}
