package org.helpline.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;

import java.util.Collection;

/**
 * Micronaut Security's own filter, unchanged, on every path but Twilio's webhooks. A webhook proves where it came
 * from with Twilio's signature ({@link TwilioSignatureFilter}), never with a supervisor's sign-in, so reading a
 * sign-in cookie and running the access rules for it was work with no effect, on the requests that are nearly all
 * the traffic: in bench/load.sh's profile (2026-12-04) a seventh of the request threads' samples were inside this
 * filter without reaching any of our code. Every other path stays secured by default, new ones included.
 * <p>
 * The webhook paths are {@link WebhookPaths}, the signature check's own, so no path escapes both filters.
 */
@Replaces(SecurityFilter.class)
@Requires(property = "micronaut.security.filter.enabled", notEquals = "false", defaultValue = "true")
@Filter(patterns = WebhookPaths.NONE, patternStyle = FilterPatternStyle.REGEX)
class SignInFilter extends SecurityFilter {

    SignInFilter(Collection<SecurityRule<HttpRequest<?>>> rules,
                 Collection<AuthenticationFetcher<HttpRequest<?>>> fetchers, SecurityConfiguration configuration) {
        super(rules, fetchers, configuration);
    }
}
