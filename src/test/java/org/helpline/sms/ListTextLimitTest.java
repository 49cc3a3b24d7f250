package org.helpline.sms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.Scripts;
import org.helpline.support.TwilioRestApi;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.helpline.support.Scripts.en;

/**
 * Caller ID can be spoofed, so asking for the resource list by text must not let anyone have a chosen number texted
 * over and over: a call gets the list once (asked again, the caller hears it was already sent, then the main menu),
 * and one number gets it at most three times an hour across calls. WireMock plays Twilio's REST API and counts the
 * texts it is asked to send.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListTextLimitTest implements TestPropertyProvider {

    private static final String ACCOUNT = "AC44444444444444444444444444444444";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    /** Every test its own numbers: the per-number count lives as long as the application context. */
    private static final String ASKS_TWICE_EN = "+16305550191";
    private static final String ASKS_TWICE_ES = "+16305550192";
    private static final String MANY_CALLS = "+16305550193";
    private static final String SOMEONE_ELSE = "+16305550194";
    /** Long enough for a second text, had it been sent, to reach WireMock. */
    private static final Duration NOTHING_MORE = Duration.ofMillis(750);

    private final TwilioRestApi twilioApi = new TwilioRestApi(ACCOUNT);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @Inject
    @Client("/")
    HttpClient http;

    private FakeTwilio twilio;

    @Override
    public Map<String, String> getProperties() {
        return twilioApi.settings(Map.of(
            "helpline.twilio.api-timeout", "2s",
            "helpline.sms.list-texts-per-number", "3",
            "helpline.sms.list-texts-window", "1h"));
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
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void detachLogs() {
        root().detachAppender(logs);
        logs.list.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void whenCallerAsksForTheListByTextTwiceInOneCallThenOneTextIsSentAndTheSecondAnswerSaysItWasSent(String lang) {
        String caller = lang.equals("es") ? ASKS_TWICE_ES : ASKS_TWICE_EN;
        CallWalk call = new CallWalk(twilio, caller);
        call.start();
        if (lang.equals("es")) {
            call.press("9");
        }
        call.press("4");
        assertThat(call.press("2").saidInGather()).containsExactly(said(lang, "sms-sent"), said(lang, "main-menu"));
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(caller) == 1);

        // The main menu's 4 leads back to the resources, where 2 asks for the text again.
        call.press("4");
        TwimlDoc again = call.press("2");

        await().during(NOTHING_MORE).atMost(NOTHING_MORE.multipliedBy(4)).untilAsserted(() ->
            assertThat(textsTo(caller)).as("texts sent to the caller").isEqualTo(1));
        assertThat(twilioApi.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))).hasSize(1);
        assertThat(again.saidInGather()).containsExactly(said(lang, "sms-already-sent"), said(lang, "main-menu"));
        assertThat(again.verbs()).containsExactly("Gather", "Redirect");
        assertThat(again.gatherAction()).startsWith(FakeTwilio.PUBLIC_BASE + "/voice/menu/resources-texted/key")
            .contains("lang=" + lang);
        // The menu after it is the main menu, keys and all.
        assertThat(call.press("1").saidInGather()).containsExactly(said(lang, "stage-menu"));
    }

    @Test
    void whenOneNumberAsksOnMoreCallsThanTheLimitThenLaterCallsAreToldItCannotBeSent() {
        for (int i = 0; i < 3; i++) {
            assertThat(askForTheList(new CallWalk(twilio, MANY_CALLS))).startsWith(en("sms-sent"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(MANY_CALLS) == 3);

        CallWalk fourth = new CallWalk(twilio, MANY_CALLS);
        // Not "already sent": that would tell whoever is calling that this number had the list from us lately.
        assertThat(askForTheList(fourth)).containsExactly(en("sms-unavailable"), en("main-menu"));
        fourth.press("4");
        assertThat(fourth.press("2").saidInGather()).containsExactly(en("sms-unavailable"), en("main-menu"));
        // The limit is the one number's.
        assertThat(askForTheList(new CallWalk(twilio, SOMEONE_ELSE))).startsWith(en("sms-sent"));
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(SOMEONE_ELSE) == 1);

        await().during(NOTHING_MORE).atMost(NOTHING_MORE.multipliedBy(4)).untilAsserted(() ->
            assertThat(textsTo(MANY_CALLS)).as("texts sent to the number").isEqualTo(3));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
            .anyMatch(line -> line.contains("had the most texts allowed"))
            .noneMatch(line -> line.contains(MANY_CALLS.substring(2)));
    }

    /** What a call hears after asking for the resources (4), then for them by text (2). */
    private static List<String> askForTheList(CallWalk call) {
        call.start();
        call.press("4");
        return call.press("2").saidInGather();
    }

    private static String said(String lang, String promptId) {
        return Scripts.of(lang, promptId);
    }

    private int textsTo(String number) {
        return twilioApi.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))
            .withRequestBody(containing("To=" + number.replace("+", "%2B")))).size();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
