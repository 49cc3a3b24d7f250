package org.helpline.queue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/** A caller's way to a specialist: into the queue, the wait messages, and every way the wait can end. */
@MicronautTest
class QueueWalkTest {

    @Inject
    @Client("/")
    HttpClient http;

    private FakeTwilio twilio;
    private CallWalk call;

    @BeforeEach
    void newCall() {
        twilio = new FakeTwilio(http.toBlocking());
        call = new CallWalk(twilio);
    }

    @Test
    void whenCallerPressesZeroAtTheMainMenuThenJoinsTheSpecialistsQueue() {
        call.start();

        TwimlDoc queued = call.press("0");

        assertThat(queued.verbs()).containsExactly("Say", "Enqueue");
        assertThat(queued.said()).containsExactly(en("queue-connecting"));
        assertThat(queued.text("/Response/Enqueue")).isEqualTo("specialists");
        assertThat(queued.attribute("/Response/Enqueue", "waitUrl"))
            .isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/queue/wait?lang=en");
        assertThat(queued.attribute("/Response/Enqueue", "action"))
            .isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/queue/result?lang=en");
    }

    @Test
    void whenCallerPressesZeroInAStageMenuThenJoinsTheQueue() {
        call.start();
        call.press("1");

        TwimlDoc queued = call.press("0");

        assertThat(queued.text("/Response/Enqueue")).isEqualTo("specialists");
    }

    @Test
    void whenZeroIsPressedAnywhereThenEveryMenuReachesTheQueue() {
        String[][] paths = {{}, {"1"}, {"1", "1"}, {"3"}, {"3", "2"}, {"4"}, {"5"}, {"2"}, {"2", "1"},
            {"2", "1", "1"}, {"2", "1", "1", "1"}, {"9"}, {"9", "1", "2"}};
        for (String[] path : paths) {
            CallWalk walk = new CallWalk(twilio);
            walk.start();
            for (String key : path) {
                walk.press(key);
            }
            assertThat(walk.press("0").has("/Response/Enqueue")).as("0 after %s", String.join(",", path)).isTrue();
        }
    }

    @Test
    void whenCallerWaitsThenHearsPlaceInLineAndExpectedWaitThenHoldAudio() {
        call.start();
        String waitUrl = call.press("0").attribute("/Response/Enqueue", "waitUrl");

        TwimlDoc wait = call.step(waitUrl, Map.of("QueuePosition", "3", "AvgQueueTime", "250", "QueueTime", "12",
            "CurrentQueueSize", "3", "QueueSid", "QU00000000000000000000000000000000"));

        assertThat(wait.said()).containsExactly(en("queue-position").replace("{position}", "3"),
            en("queue-wait-minutes").replace("{minutes}", "5"), en("queue-hold"), en("queue-callback-offer"));
        assertThat(wait.attribute("/Response/Gather/Pause", "length")).isEqualTo("30");
        assertThat(wait.gatherAction()).isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/queue/wait/key?lang=en");
    }

    @Test
    void whenCallerIsFirstInLineWithAShortWaitThenIsToldSo() {
        TwimlDoc wait = call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "1", "AvgQueueTime", "20"));

        assertThat(wait.said()).containsExactly(en("queue-next"), en("queue-wait-short"), en("queue-hold"),
            en("queue-callback-offer"));
    }

    @Test
    void whenTwilioSendsNoQueueFiguresThenTheWaitMessageStillReassures() {
        TwimlDoc wait = call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "many"));

        assertThat(wait.said()).containsExactly(en("queue-hold"), en("queue-callback-offer"));
    }

    @Test
    void whenASpanishCallerWaitsThenTheWaitMessageIsInSpanish() {
        call.start();
        call.press("9");
        String waitUrl = call.press("0").attribute("/Response/Enqueue", "waitUrl");

        TwimlDoc wait = call.step(waitUrl, Map.of("QueuePosition", "2", "AvgQueueTime", "150"));
        TwimlDoc shorter = call.step(waitUrl, Map.of("QueuePosition", "2", "AvgQueueTime", "61"));

        assertThat(wait.said()).containsExactly(es("queue-position").replace("{position}", "2"),
            es("queue-wait-minutes").replace("{minutes}", "3"), es("queue-hold"), es("queue-callback-offer"));
        assertThat(shorter.said()).contains(es("queue-wait-one"));
    }

    @Test
    void whenTheSpecialistCallEndsThenCallerHearsGoodbyeAndTheCallEnds() {
        call.start();
        String action = call.press("0").attribute("/Response/Enqueue", "action");

        TwimlDoc after = call.step(action, Map.of("QueueResult", "bridged", "QueueTime", "45"));

        assertThat(after.said()).containsExactly(en("queue-after-call"), en("goodbye"));
        assertThat(after.verbs()).endsWith("Hangup");
        assertThat(en("goodbye")).contains("24 hours a day, 7 days a week");
    }

    @Test
    void whenCallerHangsUpInTheQueueThenTheAnswerOnlyEndsTheCall() {
        TwimlDoc after = call.step("/voice/queue/result?lang=en", Map.of("QueueResult", "hangup", "QueueTime", "80"));

        assertThat(after.verbs()).containsExactly("Hangup");
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "system-error", "nonsense", ""})
    void whenTheQueueFailsThenTheSelfServiceMenuFollows(String result) {
        TwimlDoc after = call.step("/voice/queue/result?lang=en", Map.of("QueueResult", result));

        assertThat(after.said()).containsExactly(en("queue-error"));
        TwimlDoc menu = call.step(after.redirect(), Map.of());
        assertThat(menu.saidInGather()).containsExactly(en("main-menu"));
        assertThat(menu.gatherAction()).contains("/voice/menu/main/key");
    }

    @Test
    void whenTheQueueIsFullThenTheCallerIsToldSoAndOfferedACallBackAndTheMenu() {
        TwimlDoc after = call.step("/voice/queue/result?lang=en", Map.of("QueueResult", "queue-full"));

        TwimlDoc full = call.step(after.redirect(), Map.of());
        assertThat(full.saidInGather()).containsExactly(en("queue-full"), en("closed-menu"));
        // Every way of not reaching a specialist says what to do if someone is not breathing.
        assertThat(full.saidInGather().get(0)).contains("call 9 1 1");

        TwimlDoc offer = call.step(call.press("1").redirect(), Map.of());
        assertThat(offer.saidInGather()).containsExactly(en("callback-confirm").replace("{last2}", "4 2"));
    }

    @Test
    void whenTheWaitIsLongThenTheCallerHearsTheSafetyLineAndACallBackOffer() {
        TwimlDoc busy = call.step("/voice/menu/queue-busy?lang=en", Map.of());

        assertThat(busy.saidInGather()).containsExactly(en("queue-busy"), en("busy-menu"));
        assertThat(busy.saidInGather().get(0)).contains("call 9 1 1");
    }

    @Test
    void whenCallerIsSilentThreeTimesWhereTheWaitIsLongThenJoinsTheLineRatherThanHearingGoodbye() {
        TwimlDoc queued = call.step("/voice/menu/queue-busy/key?lang=es&miss=2", Map.of());

        assertThat(queued.said()).containsExactly(es("too-many-tries"), es("queue-connecting"));
        assertThat(queued.verbs()).doesNotContain("Hangup");
        assertThat(queued.text("/Response/Enqueue")).isEqualTo("specialists");
    }

    @Test
    void whenNoCallerHasWaitedYetOrTheWaitIsHugeThenTheEstimateIsHonest() {
        TwimlDoc first = call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "1", "AvgQueueTime", "0"));
        TwimlDoc huge = call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "9", "AvgQueueTime",
            "9999999"));

        assertThat(first.said()).containsExactly(en("queue-next"), en("queue-hold"), en("queue-callback-offer"));
        assertThat(huge.said()).contains(en("queue-wait-long"));
    }

    @Test
    void whenASpecialistDialsInThenTheLongestWaitingCallerIsBridged() {
        TwimlDoc specialist = call.step("/voice/specialist", Map.of());

        assertThat(specialist.said()).containsExactly(en("specialist-connect"));
        assertThat(specialist.text("/Response/Dial/Queue")).isEqualTo("specialists");
    }

    @Test
    void whenARungSpecialistAnswersThenAPersonMustPressOneBeforeACallerIsBridged() {
        TwimlDoc screen = call.step("/voice/specialist?screen=true", Map.of());
        assertThat(screen.saidInGather()).containsExactly(en("specialist-screen"));
        assertThat(screen.has("//Dial")).isFalse();
        assertThat(screen.verbs()).containsExactly("Gather", "Hangup");

        TwimlDoc voicemail = call.step(screen.gatherAction(), Map.of("Digits", "#"));
        assertThat(voicemail.verbs()).containsExactly("Hangup");

        TwimlDoc accepted = call.step(screen.gatherAction(), Map.of("Digits", "1"));
        assertThat(accepted.text("/Response/Dial/Queue")).isEqualTo("specialists");
    }

    @Test
    void whenTheMainWebhookFailsThenTheFallbackGivesTheSafetyLineAndAQueue() {
        TwimlDoc fallback = call.step("/voice/fallback", Map.of("ErrorCode", "11200"));

        assertThat(fallback.said()).startsWith(en("welcome"), en("safety"), es("safety"), en("queue-connecting"));
        assertThat(fallback.has("//Play")).isFalse();
        assertThat(fallback.text("/Response/Enqueue")).isEqualTo("specialists");
        assertThat(fallback.attribute("/Response/Enqueue", "waitUrl")).isNull();
        assertThat(fallback.verbs()).endsWith("Enqueue", "Say");
    }
}
