package org.helpline.supervisor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.FilterPatternStyle;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Cross-site request forgery protection for every supervisors' form, sign-in included: a random token in an
 * HttpOnly, SameSite=Strict cookie must come back as the form's {@code _csrf} field (the double-submit pattern).
 * Micronaut Security's own CSRF module is not served by this project's package registry, so this small filter
 * stands in for it.
 * <p>
 * The paths are a regular expression rather than {@code /supervisor/**}: Micronaut matches an Ant pattern by
 * splitting the path into segments again on every request, and this filter is asked about every webhook too. It
 * covers what the Ant pattern did, repeated leading slashes included.
 */
@ServerFilter(patterns = "/+supervisor(/.*)?", patternStyle = FilterPatternStyle.REGEX)
public class CsrfProtection {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfProtection.class);
    static final String COOKIE = "helpline_csrf";
    static final String FIELD = "_csrf";
    static final String ATTRIBUTE = "helpline.csrf";
    private static final String NEW = "helpline.csrf.new";

    private final SecureRandom random = new SecureRandom();

    @RequestFilter
    void check(HttpRequest<?> request, @Body @Nullable String body) {
        String cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            if (cookie == null) {
                cookie = newToken();
                request.setAttribute(NEW, Boolean.TRUE);
            }
            request.setAttribute(ATTRIBUTE, cookie);
            return;
        }

        String sent = formField(body);
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
            sent.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Refused {} {}: missing or wrong form token", request.getMethod(), request.getPath());
            // Thrown rather than answered here, so Micronaut's error handling writes the page a browser shows.
            throw RequestRefused.formExpired();
        }
        // A form shown again with its problems must carry the token too, or its corrected copy would be refused.
        request.setAttribute(ATTRIBUTE, cookie);
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // Staff pages list callers' numbers: no browser or proxy may keep a copy.
        response.header("Cache-Control", "no-store");
        if (request.getAttribute(NEW).isPresent()) {
            String token = request.getAttribute(ATTRIBUTE, String.class).orElseThrow();
            response.cookie(Cookie.of(COOKIE, token).path("/supervisor").httpOnly(true).sameSite(SameSite.Strict));
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String formField(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            List<String> values = new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters().get(FIELD);
            return values == null || values.isEmpty() ? null : values.get(0);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The token a page must put in its forms. */
    public static String token(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse("");
    }
}
