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
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.endpoints.LoginController;
import io.micronaut.security.endpoints.LoginControllerConfiguration;
import io.micronaut.security.event.LoginFailedEvent;
import io.micronaut.security.event.LoginSuccessfulEvent;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.rules.SecurityRule;

/**
 * Micronaut Security's sign-in endpoint, unchanged, but offered to a browser that accepts only HTML too. The router
 * matches a request's Accept header against what a route produces, and the library's endpoint declares only JSON,
 * so such a browser's sign-in form was not routed at all (401); with the cookie sign-in its answer is a redirect.
 */
@Replaces(LoginController.class)
@Requires(property = "micronaut.security.endpoints.login.enabled", notEquals = "false", defaultValue = "true")
@Controller("${micronaut.security.endpoints.login.path:/login}")
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
@Secured(SecurityRule.IS_ANONYMOUS)
class SignInEndpoint<B> extends LoginController<B> {

    SignInEndpoint(Authenticator<HttpRequest<B>> authenticator,
                   LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
                   ApplicationEventPublisher<LoginSuccessfulEvent> succeeded,
                   ApplicationEventPublisher<LoginFailedEvent> failed, HttpHostResolver hosts,
                   HttpLocaleResolver locales, LoginControllerConfiguration configuration) {
        super(authenticator, loginHandler, succeeded, failed, hosts, locales, configuration);
    }
}
