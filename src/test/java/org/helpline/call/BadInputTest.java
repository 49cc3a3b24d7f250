package org.helpline.call;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwilioSigner;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/** Whatever reaches the main menu's action, the caller hears something sensible and the server never fails. */
@MicronautTest
class BadInputTest {

    private static final String MAIN_ACTION = "/voice/menu/main/key?lang=en&miss=0";
    private static final String QUEUE = "queue";

    @Inject
    @Client("/")
    HttpClient http;

    private FakeTwilio twilio;

    @BeforeEach
    void client() {
        twilio = new FakeTwilio(http.toBlocking());
    }

    static Stream<Arguments> digits() {
        return Stream.of(
            Arguments.of("0", List.of(QUEUE)),
            Arguments.of("1", List.of(en("stage-menu"))),
            Arguments.of("2", List.of(en("question-stage"))),
            Arguments.of("3", List.of(en("overdose"), en("after-overdose"))),
            Arguments.of("4", List.of(en("resources-intro"))),
            Arguments.of("5", List.of(en("facts"), en("after-facts"))),
            Arguments.of("6", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("7", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("8", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("9", List.of(es("welcome"), es("safety"), en("english-offer"), es("main-menu"))),
            Arguments.of("*", List.of(en("main-menu"))),
            Arguments.of("#", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("", List.of(en("no-input"), en("main-menu"))),
            Arguments.of(null, List.of(en("no-input"), en("main-menu"))),
            Arguments.of("12", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("abc", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("1".repeat(10_240), List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of(" 1", List.of(en("invalid-choice"), en("main-menu"))),
            Arguments.of("١", List.of(en("invalid-choice"), en("main-menu"))));
    }

    @ParameterizedTest(name = "Digits={0}")
    @MethodSource("digits")
    void whenAnyDigitsReachTheMainMenuThenTheCallerHearsASensibleAnswer(String digits, List<String> expected) {
        Map<String, String> params = new HashMap<>(Map.of("CallSid", "CA00000000000000000000000000000001"));
        if (digits != null) {
            params.put("Digits", digits);
        }

        TwimlDoc answer = twilio.post(MAIN_ACTION, params).twiml();

        if (expected.equals(List.of(QUEUE))) {
            assertThat(answer.text("/Response/Enqueue")).isEqualTo("specialists");
        } else {
            assertThat(answer.saidInGather()).startsWith(expected.toArray(String[]::new));
            assertThat(answer.redirect()).isEqualTo(answer.gatherAction());
        }
    }

    @Test
    void whenTheCallSidIsUnknownOrMissingThenTheMenuIsStillAnswered() {
        TwimlDoc unknown = twilio.post(MAIN_ACTION, Map.of("CallSid", "CAnever-seen-before", "Digits", "1")).twiml();
        TwimlDoc missing = twilio.post(MAIN_ACTION, Map.of("Digits", "1")).twiml();
        TwimlDoc huge = twilio.post(MAIN_ACTION, Map.of("CallSid", "CA" + "x".repeat(5000), "Digits", "1")).twiml();

        assertThat(unknown.saidInGather()).containsExactly(en("stage-menu"));
        assertThat(missing.saidInGather()).containsExactly(en("stage-menu"));
        assertThat(huge.saidInGather()).containsExactly(en("stage-menu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lang=xx&miss=zz&ans=%3Cscript%3E", "miss=99&ans=4444444", "lang=&miss=-1",
        "lang=en&lang=es&miss=0", ""})
    void whenTheStateInTheUrlIsGarbageThenTheCallCarriesOnInEnglish(String query) {
        String url = "/voice/menu/main/key" + (query.isEmpty() ? "" : "?" + query);

        TwimlDoc answer = twilio.post(url, Map.of("CallSid", "CA1", "Digits", "1")).twiml();

        assertThat(answer.saidInGather()).containsExactly(en("stage-menu"));
    }

    @Test
    void whenAnUnknownMenuIsNamedThenTheCallerIsAtTheMainMenu() {
        TwimlDoc answer = twilio.post("/voice/menu/no-such-menu/key?lang=en", Map.of("CallSid", "CA1")).twiml();

        assertThat(answer.saidInGather()).containsExactly(en("no-input"), en("main-menu"));
        assertThat(answer.gatherAction()).contains("/voice/menu/main/key");
    }

    @Test
    void whenTwilioAsksForAWebhookWeDoNotHaveThenTheCallerHearsSorryAndTheMainMenu() {
        TwimlDoc lost = twilio.post("/voice/menu/old-name/of/a/step?lang=es&miss=1", Map.of("CallSid", "CA1"))
            .twiml();

        assertThat(lost.said()).containsExactly(es("lost-step"));
        assertThat(lost.redirect()).isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/menu/main?lang=es");
        TwimlDoc menu = twilio.post(lost.redirect(), Map.of("CallSid", "CA1")).twiml();
        assertThat(menu.saidInGather()).containsExactly(es("main-menu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/voice", "/voice/", "/voice/some-old-step"})
    void whenTheVoiceUrlIsJustOurPrefixOrAnOldStepThenTheCallerHearsSorryAndTheMainMenu(String path) {
        TwimlDoc lost = twilio.post(path, Map.of("CallSid", "CA1")).twiml();

        assertThat(lost.said()).containsExactly(en("lost-step"));
        assertThat(lost.redirect()).isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/menu/main?lang=en");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms", "/sms/", "/sms/elsewhere"})
    void whenTwilioSendsATextToAWebhookWeDoNotHaveThenItGetsNoReplyAndNoError(String path) {
        var answer = twilio.post(path, Map.of("MessageSid", "SM1", "Body", "hello"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.twiml().verbs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue", "queue-anyway", "callback"})
    void whenAKeyIsSentToAMenuWithoutKeysThenItCountsForTheMainMenu(String handOff) {
        TwimlDoc answer = twilio.post("/voice/menu/" + handOff + "/key?lang=en&miss=0", Map.of("Digits", "1"))
            .twiml();

        assertThat(answer.saidInGather()).containsExactly(en("stage-menu"));
    }

    @Test
    void whenAQuestionIsReachedWithoutTheEarlierAnswersThenTheQuestionsStartAgain() {
        TwimlDoc answer = twilio.post("/voice/menu/question-support/key?lang=en", Map.of("Digits", "1")).twiml();

        assertThat(answer.saidInGather()).containsExactly(en("question-stage"));
    }

    @Test
    void whenAWebhookIsFetchedWithGetThenTheAnswerIsACleanClientError() {
        var answer = twilio.exchange(HttpRequest.GET("/voice/incoming"));

        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void whenTheBodyIsNotAFormThenTheAnswerIsACleanClientError() {
        String signature = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, FakeTwilio.PUBLIC_BASE + "/voice/incoming",
            Map.of());
        var json = twilio.exchange(HttpRequest.POST("/voice/incoming", "{\"CallSid\": 1}")
            .contentType(MediaType.APPLICATION_JSON).header("X-Twilio-Signature", signature));
        var broken = twilio.send("/voice/incoming", "CallSid=%E0%A4%A&Digits=%", signature);

        assertThat(json.status()).isBetween(200, 499);
        assertThat(broken.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/beans", "/threaddump", "/routes", "/flyway", "/env", "/loggers", "/metrics"})
    void whenManagementEndpointsOtherThanHealthAndMetricsAreAskedForThenNothingIsShown(String path) {
        var answer = twilio.exchange(HttpRequest.GET(path));

        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void whenHealthIsAskedForThenOnlyTheStatusIsShown() {
        var answer = twilio.exchange(HttpRequest.GET("/health"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("UP").doesNotContain("jdbc");
    }

    @Test
    void whenTheBodyIsFarLargerThanTwilioSendsThenItIsRefused() {
        var answer = twilio.post("/voice/incoming", Map.of("CallSid", "CA1", "Junk", "x".repeat(100_000)));

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void whenCallbacksComeForAStatusOrQueueWithNonsenseThenTheyAreAnswered() {
        CallWalk call = new CallWalk(twilio);

        var status = call.raw("/voice/status", Map.of("CallStatus", "exploded", "CallDuration", "-5"));
        var result = call.raw("/voice/queue/result", Map.of("QueueResult", "<x>", "QueueTime", "9".repeat(40)));
        var wait = call.raw("/voice/queue/wait", Map.of("QueuePosition", "-1", "AvgQueueTime", "1e9"));

        assertThat(status.twiml().verbs()).isEmpty();
        assertThat(result.twiml().said()).containsExactly(en("queue-error"));
        assertThat(wait.twiml().said()).containsExactly(en("queue-hold"), en("queue-callback-offer"));
    }
}
