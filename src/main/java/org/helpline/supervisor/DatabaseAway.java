package org.helpline.supervisor;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page or export that needs the database while it is away: a plain 503 that says so, instead of a 500 carrying
 * the driver's message. Calls do not come here: what they need is kept in memory.
 */
@Singleton
@Produces
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
class DatabaseAway implements ExceptionHandler<DataAccessException, HttpResponse<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAway.class);
    static final String MESSAGE = "The database cannot be reached just now, so this page cannot be shown. Calls are "
        + "still answered, and their steps are kept until the database is back. Try again in a minute.";

    @Override
    public HttpResponse<String> handle(HttpRequest request, DataAccessException exception) {
        return answer(request, exception);
    }

    static HttpResponse<String> answer(HttpRequest<?> request, RuntimeException exception) {
        LOG.warn("{} {} needs the database, which cannot be reached: {}", request.getMethod(), request.getPath(),
            exception.toString());
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN_TYPE)
            .header("Retry-After", "60").body(MESSAGE);
    }
}
