package org.helpline.supervisor;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * A supervisor's request refused on purpose, with the words their error page shows. Micronaut answers it like any
 * {@link HttpStatusException}: a browser gets the supervisors' error page ({@link ErrorPages}), any other client
 * Micronaut's usual error body with the sentence as its message.
 */
public final class RequestRefused extends HttpStatusException {

    private final String title;

    private RequestRefused(HttpStatus status, String title, String sentence) {
        super(status, sentence);
        this.title = title;
    }

    /** A form sent without its token, or with another one: nothing was done, and a fresh copy of the form works. */
    static RequestRefused formExpired() {
        return new RequestRefused(HttpStatus.FORBIDDEN, "Your form expired",
            "Please go back, reload the page and submit the form again. Nothing was changed.");
    }

    /** A change that names something gone or unknown; the sentence says what, in plain words. */
    public static RequestRefused cannotChange(String sentence) {
        return new RequestRefused(HttpStatus.BAD_REQUEST, "That change could not be made", sentence);
    }

    String title() {
        return title;
    }

    String sentence() {
        return getMessage();
    }
}
