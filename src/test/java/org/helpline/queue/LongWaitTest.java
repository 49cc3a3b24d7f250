package org.helpline.queue;

import com.github.tomakehurst.wiremock.client.WireMock;
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

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;

/**
 * A caller who asks for a specialist while the line is long (Twilio, played by WireMock, reports more callers
 * waiting than the queue policy's maximum): told so and offered a call back, but never turned away, since the
 * queue itself still takes callers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongWaitTest implements TestPropertyProvider {

    private static final String ACCOUNT = "AC22222222222222222222222222222222";
    private static final String QUEUES = """
        {"queues": [{"sid": "QU00000000000000000000000000000002", "account_sid": "%1$s",
          "friendly_name": "specialists", "current_size": 25, "max_size": 100, "average_wait_time": 300,
          "uri": "/2010-04-01/Accounts/%1$s/Queues/QU00000000000000000000000000000002.json"}],
         "first_page_uri": "/2010-04-01/Accounts/%1$s/Queues.json?PageSize=50&Page=0", "next_page_uri": null,
         "previous_page_uri": null, "page": 0, "page_size": 50, "start": 0, "end": 0,
         "uri": "/2010-04-01/Accounts/%1$s/Queues.json?PageSize=50&Page=0"}
        """;

    private final TwilioRestApi twilioApi = new TwilioRestApi(ACCOUNT);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    QueueStats stats;

    private CallWalk call;

    @Override
    public Map<String, String> getProperties() {
        return twilioApi.settings(Map.of(
            "helpline.queue.max-size", "20"));
    }

    @AfterAll
    void stop() {
        twilioApi.stop();
    }

    @BeforeEach
    void longLine() {
        twilioApi.stubFor(WireMock.get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Queues.json"))
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(String.format(QUEUES, ACCOUNT))));
        stats.refresh();
        call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
    }

    @Test
    void whenCallerAsksForASpecialistWhileTheLineIsLongThenHearsSoWithTheSafetyLineAndChoices() {
        TwimlDoc busy = call.press("0");

        assertThat(busy.saidInGather()).containsExactly(en("queue-busy"), en("busy-menu"));
        assertThat(busy.saidInGather().get(0)).contains("call 9 1 1");
        assertThat(busy.verbs()).doesNotContain("Enqueue");
    }

    @Test
    void whenCallerPressesZeroAgainWhereTheLineIsLongThenJoinsItAnyway() {
        call.press("0");

        TwimlDoc queued = call.press("0");

        assertThat(queued.verbs()).containsExactly("Say", "Enqueue");
        assertThat(queued.text("/Response/Enqueue")).isEqualTo("specialists");
    }

    @Test
    void whenCallerIsSilentThreeTimesWhereTheLineIsLongThenJoinsItRatherThanHearingGoodbye() {
        call.press("0");
        call.silence();
        call.silence();

        TwimlDoc queued = call.silence();

        assertThat(queued.said()).containsExactly(en("too-many-tries"), en("queue-connecting"));
        assertThat(queued.verbs()).containsExactly("Say", "Say", "Enqueue");
    }
}
