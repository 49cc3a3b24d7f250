package org.helpline.supervisor;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/**
 * The bare address of the service, which a supervisor may type: on to the supervisors' home, which shows the
 * dashboard to one signed in and the sign-in page to anyone else. Nothing else lives at the root.
 */
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
class SiteRoot {

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> root() {
        return HttpResponse.seeOther(URI.create("/supervisor"));
    }
}
