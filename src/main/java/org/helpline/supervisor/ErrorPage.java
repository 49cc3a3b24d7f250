package org.helpline.supervisor;

/**
 * The words of a supervisor's error page: a title that names what happened and a sentence that says what to do.
 * Nothing from the request or the exception's message appears here, so a page never echoes what was sent.
 */
record ErrorPage(String title, String sentence) {

    static ErrorPage of(int status, Throwable cause) {
        if (cause instanceof RequestRefused refused) {
            return new ErrorPage(refused.title(), refused.sentence());
        }
        return switch (status) {
            case 400 -> new ErrorPage("That request could not be read",
                "Something in it was not what these pages send. Please go back, reload the page and try again.");
            case 401 -> new ErrorPage("Please sign in", "Your sign-in has ended. Sign in again to go on.");
            case 403 -> new ErrorPage("That is not open to you", "Please go back to the dashboard.");
            case 404 -> new ErrorPage("That page does not exist",
                "The address may be mistyped or out of date. The links at the top lead to every page.");
            case 405 -> new ErrorPage("That page cannot be used this way",
                "The address exists, but not for this kind of request: please use the links and buttons on the "
                    + "pages rather than a typed or bookmarked address.");
            case 500 -> new ErrorPage("Something went wrong on our side",
                "The problem has been written to the service's log. Please try again; if it happens again, tell "
                    + "whoever looks after the helpline's service.");
            default -> status >= 500
                ? new ErrorPage("The service cannot answer just now", "Please try again in a minute.")
                : new ErrorPage("That request could not be handled",
                    "Please go back, reload the page and try again.");
        };
    }
}
