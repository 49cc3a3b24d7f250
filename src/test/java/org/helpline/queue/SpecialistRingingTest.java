package org.helpline.queue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwilioRestApi;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ringing specialists through Twilio's REST API, with WireMock playing Twilio: on success each specialist is called
 * once with our answer URL; on 401, 429, 500 or a slow answer each is tried again, a bounded number of times. In
 * every case the waiting caller hears exactly the same TwiML.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecialistRingingTest implements TestPropertyProvider {

    private static final String ACCOUNT = "AC11111111111111111111111111111111";
    private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
    private static final List<String> SPECIALISTS = List.of("+13125550101", "+13125550102");
    private static final int ATTEMPTS = 3;

    private final TwilioRestApi twilioApi = new TwilioRestApi(ACCOUNT);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return twilioApi.settings(Map.of(
            "helpline.twilio.api-timeout", "500ms",
            "helpline.specialists.numbers", String.join(",", SPECIALISTS),
            "helpline.specialists.caller-id", "+18332346343",
            "helpline.specialists.attempts", String.valueOf(ATTEMPTS),
            "helpline.specialists.first-retry", "50ms",
            "helpline.specialists.quiet-period", "0s"));
    }

    @AfterAll
    void stop() {
        twilioApi.stop();
    }

    @BeforeEach
    void reset() {
        twilioApi.resetAll();
    }

    @Test
    void whenACallerJoinsThenEverySpecialistOnDutyIsRungWithOurAnswerUrl() {
        answerWith(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"sid\": \"CA99999999999999999999999999999999\", \"status\": \"queued\"}"));

        TwimlDoc queued = joinQueue();

        assertCallerHearsTheUsualQueue(queued);
        await().atMost(Duration.ofSeconds(5)).until(() -> callsRequested() == SPECIALISTS.size());
        for (String specialist : SPECIALISTS) {
            twilioApi.verify(1, postRequestedFor(urlPathEqualTo(CALLS))
                .withRequestBody(containing("To=" + specialist.replace("+", "%2B")))
                .withRequestBody(containing("From=%2B18332346343"))
                .withRequestBody(containing("Url=https%3A%2F%2Fhelpline.example.org%2Fvoice%2Fspecialist")));
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 429, 500})
    void whenTwilioAnswersWithAnErrorThenRingingIsRetriedAndTheCallerHearsNoDifference(int status) {
        answerWith(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
            .withBody("{\"code\": 20003, \"message\": \"refused\", \"status\": " + status + "}"));

        TwimlDoc queued = joinQueue();

        assertCallerHearsTheUsualQueue(queued);
        int expected = SPECIALISTS.size() * ATTEMPTS;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(callsRequested()).isEqualTo(expected));
        await().during(Duration.ofMillis(600)).untilAsserted(() -> assertThat(callsRequested()).isEqualTo(expected));
    }

    @Test
    void whenTwilioIsSlowerThanTheTimeoutThenRingingIsRetriedAndTheCallerHearsNoDifference() {
        answerWith(aResponse().withStatus(201).withFixedDelay(1500).withBody("{}"));

        TwimlDoc queued = joinQueue();

        assertCallerHearsTheUsualQueue(queued);
        int expected = SPECIALISTS.size() * ATTEMPTS;
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(callsRequested()).isEqualTo(expected));
    }

    private TwimlDoc joinQueue() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        return call.press("0");
    }

    private void assertCallerHearsTheUsualQueue(TwimlDoc queued) {
        assertThat(queued.verbs()).containsExactly("Say", "Enqueue");
        assertThat(queued.text("/Response/Enqueue")).isEqualTo("specialists");
        assertThat(queued.attribute("/Response/Enqueue", "waitUrl"))
            .isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/queue/wait?lang=en");
        assertThat(queued.attribute("/Response/Enqueue", "action"))
            .isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/queue/result?lang=en");
    }

    private void answerWith(ResponseDefinitionBuilder response) {
        twilioApi.stubFor(post(urlPathEqualTo(CALLS)).willReturn(response));
    }

    private int callsRequested() {
        return twilioApi.findAll(postRequestedFor(urlPathEqualTo(CALLS))).size();
    }
}
