package org.helpline.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.endpoints.LogoutController;
import io.micronaut.security.endpoints.LogoutControllerConfiguration;
import io.micronaut.security.event.LogoutEvent;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.rules.SecurityRule;

/** Micronaut Security's sign-out endpoint, unchanged, offered to a browser that accepts only HTML too (as sign-in). */
@Replaces(LogoutController.class)
@Requires(property = "micronaut.security.endpoints.logout.enabled", notEquals = "false", defaultValue = "true")
@Controller("${micronaut.security.endpoints.logout.path:/logout}")
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
@Secured(SecurityRule.IS_ANONYMOUS)
class SignOutEndpoint extends LogoutController {

    SignOutEndpoint(LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler,
                    ApplicationEventPublisher<LogoutEvent> signedOut, LogoutControllerConfiguration configuration,
                    HttpHostResolver hosts, HttpLocaleResolver locales) {
        super(logoutHandler, signedOut, configuration, hosts, locales);
    }
}
