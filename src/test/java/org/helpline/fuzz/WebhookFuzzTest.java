package org.helpline.fuzz;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwilioSigner;
import org.helpline.support.TwimlDoc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated requests at the webhooks: any path of ours or none, garbage state in the query, random
 * and oversized parameters, broken percent-escapes, other content types, other methods, forged, missing and
 * borrowed signatures, status callbacks in any order, texts with any body. Not one may get a 5xx; every 200 from a
 * voice or SMS webhook is well-formed TwiML; a body over 64 kB is refused with 413.
 */
class WebhookFuzzTest {

    private static final List<String> PATHS = List.of("/voice/incoming", "/voice/menu/main/key",
        "/voice/menu/stages/key", "/voice/menu/question-risk/key", "/voice/menu/queue-closed/key",
        "/voice/menu/advice", "/voice/queue/wait",
        "/voice/queue/wait/key", "/voice/queue/result", "/voice/status", "/voice/specialist",
        "/voice/specialist/accept", "/voice/fallback", "/voice/callback/offer", "/voice/callback/confirm",
        "/voice/callback/number", "/voice/nowhere", "/sms/incoming", "/voice/menu/%2e%2e/key", "/voice//incoming");
    private static final List<String> NAMES = List.of("Digits", "CallSid", "From", "To", "SpeechResult",
        "Confidence", "QueueResult", "QueueTime", "QueuePosition", "AvgQueueTime", "CallStatus", "CallDuration",
        "Caller", "Body", "MessageSid", "x", "");

    private static final String INVALID_UTF8 = "invalid-utf8";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedServer server;

    /** One generated request. */
    record Fuzz(String path, String query, Map<String, String> params, String rawTail, String signing,
                String contentType, String method) {
    }

    @BeforeContainer
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("helpline.events.flush-interval", "50ms"),
            "test");
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 10_000, seed = "20261203", shrinking = net.jqwik.api.ShrinkingMode.OFF,
        afterFailure = net.jqwik.api.AfterFailureMode.RANDOM_SEED)
    void whenAnyRequestReachesTheWebhooksThenTheAnswerIsNeverAServerError(@ForAll("requests") Fuzz fuzz) {
        String form = FakeTwilio.form(fuzz.params()) + (fuzz.rawTail().equals(INVALID_UTF8) ? "" : fuzz.rawTail());
        String publicUrl = FakeTwilio.PUBLIC_BASE + fuzz.path() + fuzz.query();
        String signature = switch (fuzz.signing()) {
            case "valid" -> TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, publicUrl, fuzz.params());
            case "other-url" -> TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, FakeTwilio.PUBLIC_BASE + "/voice/status",
                fuzz.params());
            case "forged" -> TwilioSigner.sign("not-the-token", publicUrl, fuzz.params());
            default -> null;
        };

        byte[] body = fuzz.rawTail().equals(INVALID_UTF8)
            ? concat(FakeTwilio.form(fuzz.params()).getBytes(StandardCharsets.UTF_8),
                new byte[] {'&', 'x', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF})
            : form.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + fuzz.path() + fuzz.query()))
            .method(fuzz.method(), fuzz.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (fuzz.contentType() != null) {
            request.header("Content-Type", fuzz.contentType());
        }
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }

        HttpResponse<String> answer = send(request.build());

        assertThat(answer.statusCode()).as("%s %s", fuzz.method(), fuzz.path()).isLessThan(500);
        if (body.length > 65_536 && !fuzz.method().equals("GET")) {
            assertThat(answer.statusCode()).isIn(413, 404, 405);
        }
        if (answer.statusCode() == 200 && (fuzz.path().startsWith("/voice/") || fuzz.path().startsWith("/sms/"))) {
            new TwimlDoc(answer.body());
        }
    }

    @Provide
    Arbitrary<Fuzz> requests() {
        Arbitrary<String> path = Arbitraries.of(PATHS);
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("?lang=en&miss=0"),
            Arbitraries.just("?lang=es&miss=2&ans=14"),
            Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40)
                .map(s -> "?lang=" + encode(s) + "&miss=" + encode(s)));
        // Oversized values are rare on purpose: they are slow to make and to sign, and a few suffice.
        Arbitrary<String> value = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, Arbitraries.of("1", "0", "*", "#", "", "12", "abc", "bridged", "hangup",
                "leave", "completed", "+13125550100", "anonymous", "0.9", "-1", "1e9", "STOP", " start ", "AYUDA",
                "SM0123456789abcdef0123456789abcdef")),
            net.jqwik.api.Tuple.of(10, Arbitraries.strings().all().ofMaxLength(30)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12_000)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('a').ofMinLength(60_000).ofMaxLength(70_000)));
        Arbitrary<Map<String, String>> params = Arbitraries.maps(Arbitraries.of(NAMES), value).ofMaxSize(6)
            .map(LinkedHashMap::new);
        Arbitrary<String> tail = Arbitraries.of("", "", "", "&Digits=%", "&%E0%A4%A=1", "&&&", "&CallSid=%ZZ",
            INVALID_UTF8);
        Arbitrary<String> signing = Arbitraries.of("valid", "valid", "valid", "other-url", "forged", "none");
        Arbitrary<String> type = Arbitraries.of("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data");
        Arbitrary<String> method = Arbitraries.of("POST", "POST", "POST", "POST", "GET", "PUT");
        return Combinators.combine(path, query, params, tail, signing, type, method).as(Fuzz::new);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
