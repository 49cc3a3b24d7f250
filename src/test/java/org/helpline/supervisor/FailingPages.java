package org.helpline.supervisor;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Addresses that go wrong on purpose, so tests can see the error pages of a bug and of an address whose parts cannot
 * be read; no real page fails on demand. Present only in a test that sets the property.
 */
@Requires(property = "helpline.test.failing-pages", value = "true")
@Controller("/supervisor")
@Secured(SecurityRule.IS_AUTHENTICATED)
class FailingPages {

    static final String DETAIL = "a detail for the log only";

    @Get("/failing/broken")
    String broken() {
        throw new IllegalStateException(DETAIL);
    }

    @Get("/failing/count/{count}")
    String count(int count) {
        return "Counted " + count;
    }

    @Get("/api/failing/broken")
    String brokenApi() {
        throw new IllegalStateException(DETAIL);
    }
}
