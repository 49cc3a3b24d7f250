package org.helpline.security;

import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import org.helpline.call.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses any webhook that Twilio did not sign. The signature covers the URL Twilio requested, so it is checked
 * against {@code PUBLIC_BASE_URL} plus the path and query that reached us: behind a TLS-terminating proxy the
 * request arrives as plain http on another host, yet the check still holds.
 * <p>
 * The paths are one regular expression, compiled once by Micronaut: an Ant pattern is split into segments again
 * for every request, and this filter is asked about every request the service gets. It covers at least what
 * {@code /voice/**} and {@code /sms/**} would (repeated leading slashes too).
 */
@ServerFilter(patterns = WebhookPaths.ONLY, patternStyle = FilterPatternStyle.REGEX)
class TwilioSignatureFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSignatureFilter.class);
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    /** Counted by reason, so that a wrong {@code PUBLIC_BASE_URL} (every call refused) shows on a graph. */
    static final String REFUSED = "helpline.webhooks.refused";

    private final SignatureSettings settings;
    private final PublicUrls urls;
    private final RequestValidator validator;
    private final Counter notForm;
    private final Counter missing;
    private final Counter wrong;

    TwilioSignatureFilter(SignatureSettings settings, PublicUrls urls, MeterRegistry meters) {
        this.settings = settings;
        this.urls = urls;
        this.validator = settings.authToken().isBlank() ? null : new RequestValidator(settings.authToken());
        this.notForm = refused(meters, "not-a-form");
        this.missing = refused(meters, "missing-signature");
        this.wrong = refused(meters, "wrong-signature");
    }

    private static Counter refused(MeterRegistry meters, String reason) {
        return Counter.builder(REFUSED).description("Webhook requests refused before any call flow")
            .tag("reason", reason).register(meters);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Body @Nullable String body) {
        var parsed = TwilioParams.parse(request.getMethod() == HttpMethod.POST ? body : null);
        if (parsed.isEmpty()) {
            LOG.warn("Refused {} {}: body is not a form Twilio would send", request.getMethod(),
                LoggedPath.of(request.getPath()));
            notForm.increment();
            return HttpResponse.status(HttpStatus.BAD_REQUEST);
        }
        TwilioParams params = parsed.get();
        request.setAttribute(TwilioParams.ATTRIBUTE, params);
        if (!settings.validate()) {
            return null;
        }

        String signature = request.getHeaders().get(SIGNATURE_HEADER);
        String signedUrl = urls.asTwilioRequested(request.getUri());
        boolean valid = signature != null && validator != null
            && validator.validate(signedUrl, params.asMap(), signature);
        if (valid) {
            return null;
        }

        LOG.warn("Refused {} {}: {} Twilio signature", request.getMethod(), LoggedPath.of(request.getPath()),
            signature == null ? "missing" : "wrong");
        (signature == null ? missing : wrong).increment();
        return HttpResponse.status(HttpStatus.FORBIDDEN);
    }
}
