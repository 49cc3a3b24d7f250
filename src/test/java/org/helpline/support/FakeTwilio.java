package org.helpline.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays Twilio's side of the webhooks: a form-encoded POST signed for the public URL Twilio would have called,
 * sent to the app where it really runs (plain http on loopback, as behind a TLS-terminating proxy).
 */
public final class FakeTwilio {

    public static final String PUBLIC_BASE = "https://helpline.example.org";
    public static final String AUTH_TOKEN = "test-auth-token";

    private final BlockingHttpClient http;

    public FakeTwilio(BlockingHttpClient http) {
        this.http = http;
    }

    /** POSTs to a URL our TwiML named (absolute, public) or to a path of ours, and returns the answer. */
    public Answer post(String url, Map<String, String> params) {
        String publicUrl = url.startsWith("/") ? PUBLIC_BASE + url : url;
        if (!publicUrl.startsWith(PUBLIC_BASE + "/")) {
            throw new AssertionError("TwiML named a URL outside the service: " + url);
        }
        String signature = TwilioSigner.sign(AUTH_TOKEN, publicUrl, params);
        return send(publicUrl.substring(PUBLIC_BASE.length()), form(params), signature);
    }

    /** Sends a raw body with the given signature header (or none when null), for tests of what is refused. */
    public Answer send(String path, String body, String signature) {
        var request = HttpRequest.POST(URI.create(path), body).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return exchange(request);
    }

    public Answer exchange(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            return new Answer(response.code(), response.getContentType().map(MediaType::toString).orElse(""),
                response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), "", e.getResponse().getBody(String.class).orElse(""));
        }
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One HTTP answer. */
    public record Answer(int status, String contentType, String body) {

        public TwimlDoc twiml() {
            if (status != 200) {
                throw new AssertionError("Expected TwiML, got HTTP " + status + ": " + body);
            }
            if (!contentType.startsWith("text/xml")) {
                throw new AssertionError("TwiML must be served as text/xml, was " + contentType);
            }
            return new TwimlDoc(body);
        }
    }
}
