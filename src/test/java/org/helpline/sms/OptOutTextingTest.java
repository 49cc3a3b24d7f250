package org.helpline.sms;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.IncomingText;
import org.helpline.support.OptOutRows;
import org.helpline.support.TwilioRestApi;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.helpline.support.Scripts.en;

/**
 * A caller who texted STOP and then asks, on a call, for the resource list by text: no text is sent (WireMock plays
 * Twilio's REST API and counts what it is asked to send), the caller hears that it cannot be sent and still hears
 * the list read out. After START the list is texted again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptOutTextingTest implements TestPropertyProvider {

    private static final String ACCOUNT = "AC22222222222222222222222222222222";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String PARENT = "+13125550171";
    private static final String NEIGHBOUR = "+13125550172";

    private final TwilioRestApi twilioApi = new TwilioRestApi(ACCOUNT);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    private FakeTwilio twilio;

    @Override
    public Map<String, String> getProperties() {
        return twilioApi.settings(Map.of(
            "helpline.twilio.api-timeout", "2s"));
    }

    @AfterAll
    void stop() {
        twilioApi.stop();
    }

    @BeforeEach
    void reset() {
        twilioApi.resetAll();
        twilioApi.acceptTexts();
        twilio = new FakeTwilio(http.toBlocking());
    }

    @Test
    void whenACallerTextedStopThenTheListIsNotTextedUntilTheyTextStart() {
        assertThat(askForTheList(PARENT).saidInGather()).startsWith(en("sms-sent"));
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(PARENT) == 1);

        assertThat(twilio.post(IncomingText.PATH, IncomingText.from(PARENT, "STOP")).twiml().verbs()).isEmpty();
        // Written to the database, so the check below reads the table, not this instance's memory.
        String hash = IncomingText.hash(FakeTwilio.AUTH_TOKEN, PARENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> OptOutRows.read(dataSource).containsKey(hash));

        CallWalk afterStop = new CallWalk(twilio, PARENT);
        afterStop.start();
        TwimlDoc listReadOut = afterStop.press("4");
        assertThat(listReadOut.saidInGather()).startsWith(en("resources-intro")).contains("Families Anonymous.")
            .endsWith(en("after-resources"));
        assertThat(afterStop.press("2").saidInGather()).containsExactly(en("sms-unavailable"), en("main-menu"));
        // Someone else on the line is still texted: the opt-out is the one number's.
        assertThat(askForTheList(NEIGHBOUR).saidInGather()).startsWith(en("sms-sent"));
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(NEIGHBOUR) == 1);
        assertThat(textsTo(PARENT)).isEqualTo(1);

        TwimlDoc started = twilio.post(IncomingText.PATH, IncomingText.from(PARENT, "START")).twiml();
        assertThat(started.text("/Response/Message")).isEqualTo(en("text-start"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !OptOutRows.read(dataSource).containsKey(hash));

        assertThat(askForTheList(PARENT).saidInGather()).startsWith(en("sms-sent"));
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(PARENT) == 2);
    }

    /** A call from {@code caller} that asks for the resources (4), then for them by text (2). */
    private TwimlDoc askForTheList(String caller) {
        CallWalk call = new CallWalk(twilio, caller);
        call.start();
        call.press("4");
        return call.press("2");
    }

    private int textsTo(String number) {
        return twilioApi.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))
            .withRequestBody(containing("To=" + number.replace("+", "%2B")))).size();
    }
}
