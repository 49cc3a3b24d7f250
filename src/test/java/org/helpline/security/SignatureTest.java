package org.helpline.security;

import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.call.PublicUrls;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwilioSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Only Twilio may drive the webhooks: signatures are checked against the public URL Twilio called. */
@MicronautTest
class SignatureTest {

    private static final Map<String, String> PUBLISHED_PARAMS = Map.of(
        "CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
        "From", "+12349013030", "To", "+18005551212");
    private static final String PUBLISHED_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MeterRegistry meters;

    private FakeTwilio twilio;

    @BeforeEach
    void client() {
        twilio = new FakeTwilio(http.toBlocking());
    }

    @Test
    void whenTwiliosPublishedExampleIsCheckedThenItsSignatureHolds() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        assertThat(new RequestValidator("12345").validate(url, PUBLISHED_PARAMS, PUBLISHED_SIGNATURE)).isTrue();
        assertThat(TwilioSigner.sign("12345", url, PUBLISHED_PARAMS)).isEqualTo(PUBLISHED_SIGNATURE);
    }

    @Test
    void whenTheExampleReachedUsAsPlainHttpOnLoopbackThenThePublicUrlIsWhatIsChecked() {
        PublicUrls urls = new PublicUrlsForTest("https://mycompany.com").urls();
        String signed = urls.asTwilioRequested(URI.create("http://127.0.0.1:8080/myapp.php?foo=1&bar=2"));

        assertThat(signed).isEqualTo("https://mycompany.com/myapp.php?foo=1&bar=2");
        assertThat(new RequestValidator("12345").validate(signed, PUBLISHED_PARAMS, PUBLISHED_SIGNATURE)).isTrue();
    }

    @Test
    void whenARequestSignedForThePublicHostArrivesOnLoopbackThenItIsAnswered() {
        var answer = twilio.post("/voice/incoming", Map.of("CallSid", "CA1", "From", "+13125550100"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.twiml().has("/Response/Gather")).isTrue();
    }

    @Test
    void whenTheQueryIsPartOfTheUrlThenItIsPartOfTheSignature() {
        Map<String, String> params = Map.of("CallSid", "CA1", "Digits", "1");
        String signedForEnglish = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN,
            FakeTwilio.PUBLIC_BASE + "/voice/menu/main/key?lang=en&miss=0", params);

        var answer = twilio.send("/voice/menu/main/key?lang=es&miss=0", FakeTwilio.form(params), signedForEnglish);

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void whenTheSignatureIsMissingThenTheRequestIsRefused() {
        var answer = twilio.send("/voice/incoming", "CallSid=CA1&From=%2B13125550100", null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("Gather");
    }

    @Test
    void whenRequestsAreRefusedThenEachIsCountedByItsReasonForOperators() {
        double missingBefore = refused("missing-signature");
        double wrongBefore = refused("wrong-signature");

        twilio.send("/voice/incoming", "CallSid=CA1&From=%2B13125550100", null);
        twilio.send("/voice/incoming", "CallSid=CA1&From=%2B13125550100", "bm90IGEgc2lnbmF0dXJl");
        twilio.send("/sms/incoming", "MessageSid=SM1&Body=hi", "bm90IGEgc2lnbmF0dXJl");
        twilio.post("/voice/incoming", Map.of("CallSid", "CA1", "From", "+13125550100"));

        assertThat(refused("missing-signature") - missingBefore).isEqualTo(1.0);
        assertThat(refused("wrong-signature") - wrongBefore).isEqualTo(2.0);
        assertThat(meters.find(TwilioSignatureFilter.REFUSED).meters())
            .allSatisfy(meter -> assertThat(meter.getId().getTags()).extracting(Tag::getKey)
                .containsExactly("reason"));
    }

    @Test
    void whenTheSignatureIsForOtherParametersThenTheRequestIsRefused() {
        String signature = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, FakeTwilio.PUBLIC_BASE + "/voice/incoming",
            Map.of("CallSid", "CA1", "Digits", "1"));

        var answer = twilio.send("/voice/incoming", "CallSid=CA1&Digits=2", signature);

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void whenSignedWithAnotherTokenThenTheRequestIsRefused() {
        String signature = TwilioSigner.sign("not-our-token", FakeTwilio.PUBLIC_BASE + "/voice/incoming",
            Map.of("CallSid", "CA1"));

        var answer = twilio.send("/voice/incoming", "CallSid=CA1", signature);

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void whenSignedForTheLoopbackAddressInsteadOfThePublicOneThenTheRequestIsRefused() {
        String signature = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, "http://127.0.0.1/voice/incoming",
            Map.of("CallSid", "CA1"));

        var answer = twilio.send("/voice/incoming", "CallSid=CA1", signature);

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void whenSmsWebhooksAreCalledUnsignedThenTheyAreRefusedToo() {
        var answer = twilio.exchange(HttpRequest.POST("/sms/incoming", "Body=HELP")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void whenOperationsEndpointsAreCalledThenNoSignatureIsNeeded() {
        var answer = twilio.exchange(HttpRequest.GET("/health"));

        assertThat(answer.status()).isEqualTo(200);
    }

    /** Builds {@link PublicUrls} for another public address than the test application's. */
    private record PublicUrlsForTest(String base) {
        PublicUrls urls() {
            return new PublicUrls(base);
        }
    }

    private double refused(String reason) {
        Counter counter = meters.find(TwilioSignatureFilter.REFUSED).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
