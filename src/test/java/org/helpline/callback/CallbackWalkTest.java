package org.helpline.callback;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.hours.OpeningHours;
import org.helpline.hours.HolidayRepository;
import org.helpline.hours.WeeklyHoursRepository;
import org.helpline.support.CallWalk;
import org.helpline.support.Hours;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/** A call back instead of waiting, from the queue and from a closed line, to the stored request and its purge. */
@MicronautTest(transactional = false)
class CallbackWalkTest {

    @Inject
    OpeningHours openingHours;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CallbackRequestRepository requests;

    @Inject
    CallbackRequests callbacks;

    @Inject
    WeeklyHoursRepository weekly;

    @Inject
    HolidayRepository holidays;

    private FakeTwilio twilio;

    @BeforeEach
    void clean() {
        twilio = new FakeTwilio(http.toBlocking());
        requests.deleteAll();
    }

    @AfterEach
    void openAroundTheClock() {
        Hours.openAroundTheClock(weekly, holidays, openingHours);
    }

    @Test
    void whenAWaitingCallerPressesOneThenTheyLeaveTheQueueAndConfirmTheirNumber() {
        CallWalk call = new CallWalk(twilio);
        call.start();
        TwimlDoc queued = call.press("0");
        TwimlDoc wait = call.step(queued.attribute("/Response/Enqueue", "waitUrl"), Map.of("QueuePosition", "2"));

        TwimlDoc leave = call.step(wait.gatherAction(), Map.of("Digits", "1"));
        assertThat(leave.verbs()).containsExactly("Leave");

        TwimlDoc afterQueue = call.step(queued.attribute("/Response/Enqueue", "action"),
            Map.of("QueueResult", "leave", "QueueTime", "75"));
        TwimlDoc offer = call.step(afterQueue.redirect(), Map.of());
        assertThat(offer.saidInGather()).containsExactly(en("callback-confirm").replace("{last2}", "4 2"));

        TwimlDoc saved = call.press("1");

        assertThat(saved.said()).containsExactly(en("callback-saved"));
        assertThat(saved.verbs()).endsWith("Hangup");
        List<CallbackRequest> stored = requests.findByCallSid(call.callSid());
        assertThat(stored).singleElement().satisfies(request -> {
            assertThat(request.phone()).isEqualTo(CallWalk.CALLER);
            assertThat(request.status()).isEqualTo("pending");
            assertThat(request.language()).isEqualTo("en");
        });
    }

    @Test
    void whenAnyOtherKeyIsPressedWhileWaitingThenTheCallerKeepsTheirPlace() {
        CallWalk call = new CallWalk(twilio);

        TwimlDoc stay = call.step("/voice/queue/wait/key?lang=en", Map.of("Digits", "5"));

        assertThat(stay.verbs()).containsExactly("Redirect");
        assertThat(stay.redirect()).isEqualTo(FakeTwilio.PUBLIC_BASE + "/voice/queue/wait?lang=en");
    }

    @Test
    void whenTheCallerGivesAnotherNumberThenABadOneIsRefusedPolitelyAndAGoodOneKept() {
        CallWalk call = new CallWalk(twilio);
        call.step("/voice/callback/offer?lang=es&miss=0", Map.of());

        TwimlDoc ask = call.press("2");
        assertThat(ask.saidInGather()).containsExactly(es("callback-number"));
        assertThat(ask.attribute("/Response/Gather", "numDigits")).isEqualTo("10");

        TwimlDoc refused = call.press("4420794960");
        assertThat(refused.saidInGather()).containsExactly(es("callback-bad-number"), es("callback-number"));
        TwimlDoc againRefused = call.press("9115550100");
        assertThat(againRefused.saidInGather()).startsWith(es("callback-bad-number"));

        TwimlDoc saved = call.press("7735550199");

        assertThat(saved.said()).containsExactly(es("callback-saved"));
        assertThat(requests.findByCallSid(call.callSid())).singleElement()
            .satisfies(request -> {
                assertThat(request.phone()).isEqualTo("+17735550199");
                assertThat(request.language()).isEqualTo("es");
            });
    }

    @Test
    void whenTheNumberIsWrongThreeTimesThenASpecialistTakesOver() {
        FakeTwilio.Answer offer = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", "CAhidden1", "From", "anonymous"));
        String action = offer.twiml().gatherAction();
        TwimlDoc second = twilio.post(action, Map.of("CallSid", "CAhidden1", "Digits", "123")).twiml();
        TwimlDoc silent = twilio.post(second.gatherAction(), Map.of("CallSid", "CAhidden1")).twiml();

        TwimlDoc giveUp = twilio.post(silent.gatherAction(), Map.of("CallSid", "CAhidden1", "Digits", "0")).twiml();

        assertThat(second.saidInGather()).startsWith(en("callback-bad-number"));
        // Silence at a number prompt is told as a missing number, and the ways out are said with the ask.
        assertThat(silent.saidInGather()).containsExactly(en("callback-no-number"), en("callback-number"));
        assertThat(en("callback-number")).contains("specialist", "press 0", "main menu", "press star");
        assertThat(giveUp.said()).isEmpty();
        TwimlDoc queue = twilio.post(giveUp.redirect(), Map.of("CallSid", "CAhidden1")).twiml();
        assertThat(queue.text("/Response/Enqueue")).isEqualTo("specialists");
        assertThat(requests.findByCallSid("CAhidden1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "0", "2"})
    void whenTheCallerTurnsTheOfferDownThenNoRequestIsKept(String key) {
        String sid = "CAdecline" + (int) key.charAt(0);
        TwimlDoc offer = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", sid, "From", "+13125550171")).twiml();
        assertThat(requests.findByCallSid(sid)).hasSize(1);

        TwimlDoc next = twilio.post(offer.gatherAction(), Map.of("CallSid", sid, "Digits", key)).twiml();

        assertThat(requests.findByCallSid(sid)).isEmpty();
        switch (key) {
            case "*" -> assertThat(next.redirect()).contains("/voice/menu/main");
            case "0" -> assertThat(next.redirect()).contains("/voice/menu/queue");
            default -> assertThat(next.saidInGather()).containsExactly(en("callback-number"));
        }
    }

    @Test
    void whenTheOfferComesWithoutACallSidThenNoCallBackIsPromisedAndTheMenuFollows() {
        long pendingBefore = requests.count();

        TwimlDoc offer = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", "CA\nforged", "From", "+13125550173")).twiml();

        assertThat(offer.said()).containsExactly(en("callback-unavailable"));
        assertThat(offer.redirect()).contains("/voice/menu/main");
        assertThat(requests.count()).isEqualTo(pendingBefore);
    }

    @Test
    void whenTheCallerIsSilentThreeTimesAtTheOfferThenTheRequestIsTakenBackAndASpecialistTakesOver() {
        TwimlDoc offer = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", "CAsilent3", "From", "+13125550172")).twiml();
        TwimlDoc second = twilio.post(offer.redirect(), Map.of("CallSid", "CAsilent3", "From", "+13125550172")).twiml();
        TwimlDoc third = twilio.post(second.redirect(), Map.of("CallSid", "CAsilent3", "From", "+13125550172")).twiml();

        TwimlDoc away = twilio.post(third.redirect(), Map.of("CallSid", "CAsilent3", "From", "+13125550172")).twiml();

        assertThat(second.saidInGather()).startsWith(en("no-input"));
        assertThat(away.said()).isEmpty();
        assertThat(away.redirect()).contains("/voice/menu/queue");
        assertThat(requests.findByCallSid("CAsilent3")).isEmpty();
    }

    @Test
    void whenZeroOrStarIsKeyedForTheNumberThenTheCallerLeavesAsFromAnyMenu() {
        TwimlDoc ask = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", "CAhidden2", "From", "anonymous")).twiml();

        TwimlDoc zero = twilio.post(ask.gatherAction(), Map.of("CallSid", "CAhidden2", "Digits", "0")).twiml();
        TwimlDoc star = twilio.post(ask.gatherAction(), Map.of("CallSid", "CAhidden2", "Digits", "*")).twiml();

        assertThat(zero.redirect()).contains("/voice/menu/queue");
        assertThat(star.redirect()).contains("/voice/menu/main");
    }

    @Test
    void whenTheCallerHangsUpAtTheOfferThenTheRequestIsAlreadyKeptAndConfirmingAddsNoSecond() {
        CallWalk call = new CallWalk(twilio);
        call.step("/voice/callback/offer?lang=en&miss=0", Map.of());
        assertThat(requests.findByCallSid(call.callSid())).hasSize(1);

        String confirm = call.current().gatherAction();
        call.step(confirm, Map.of("Digits", "1"));
        call.step(confirm, Map.of("Digits", "1"));

        assertThat(requests.findByCallSid(call.callSid())).singleElement()
            .satisfies(request -> assertThat(request.phone()).isEqualTo(CallWalk.CALLER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9005550151", "8095550149", "2425550148", "8765550100", "1234567890", "5551234567",
        "9115551234", "0000000000", "123"})
    void whenANumberIsNotOneInTheUnitedStatesOrCanadaThenItIsRefused(String number) {
        TwimlDoc ask = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", "CAforeign", "From", "+" + "1" + number)).twiml();

        assertThat(ask.saidInGather()).containsExactly(en("callback-number"));
        TwimlDoc refused = twilio.post(ask.gatherAction(), Map.of("CallSid", "CAforeign", "Digits", number)).twiml();
        assertThat(refused.saidInGather()).startsWith(en("callback-bad-number"));
        assertThat(requests.findByCallSid("CAforeign")).isEmpty();
    }

    @Test
    void whenACallerIsSilentThreeTimesAtTheClosedMenuThenTheCallEndsWithAGoodbye() {
        weekly.deleteAll();
        openingHours.changed();
        CallWalk call = new CallWalk(twilio);
        call.start();
        call.press("0");
        call.silence();
        call.silence();

        TwimlDoc end = call.silence();

        assertThat(end.said()).containsExactly(en("goodbye-closed"));
        assertThat(end.verbs()).containsExactly("Say", "Hangup");
    }

    @Test
    void whenAnEscalationMeetsAClosedLineThenNoOnePromisesASpecialist() {
        weekly.deleteAll();
        openingHours.changed();
        CallWalk call = new CallWalk(twilio);
        call.start();
        call.silence();
        call.silence();

        TwimlDoc closed = call.silence();

        assertThat(closed.said()).doesNotContain(en("too-many-tries")).startsWith(en("queue-closed"));
    }

    @Test
    void whenTheCallerIdIsHiddenThenTheNumberIsAskedForStraightAway() {
        TwimlDoc ask = twilio.post("/voice/callback/offer?lang=en&miss=0",
            Map.of("CallSid", "CA2", "From", "+266696687")).twiml();

        assertThat(ask.saidInGather()).containsExactly(en("callback-number"));
    }

    @Test
    void whenTheLineIsClosedThenTheCallerHearsSoAndCanAskForACallBackOrUseTheMenu() {
        weekly.deleteAll();
        openingHours.changed();
        CallWalk call = new CallWalk(twilio);
        call.start();

        TwimlDoc closed = call.press("0");

        assertThat(closed.has("/Response/Enqueue")).isFalse();
        assertThat(closed.saidInGather()).containsExactly(en("queue-closed"), en("closed-menu"));
        assertThat(call.press("*").saidInGather()).containsExactly(en("main-menu"));
        call.press("0");
        TwimlDoc offer = call.step(call.press("1").redirect(), Map.of());
        assertThat(offer.saidInGather()).containsExactly(en("callback-confirm").replace("{last2}", "4 2"));
    }

    @Test
    void whenRequestsAreDoneLongerAgoThanTheRetentionThenTheyAreDeleted() {
        Instant now = Instant.now();
        CallbackRequest old = request("done", now.minus(Duration.ofDays(31)));
        CallbackRequest oldFailed = request("failed", now.minus(Duration.ofDays(45)));
        CallbackRequest recent = request("done", now.minus(Duration.ofDays(29)));
        CallbackRequest waiting = new CallbackRequest(UUID.randomUUID(), "CA9", "+13125550100", "en", "pending",
            now.minus(Duration.ofDays(90)), null);
        requests.saveAll(List.of(old, oldFailed, recent, waiting));

        int deleted = callbacks.purge();

        assertThat(deleted).isEqualTo(2);
        assertThat(requests.findAll()).extracting(CallbackRequest::id)
            .containsExactlyInAnyOrder(recent.id(), waiting.id());
    }

    private static CallbackRequest request(String status, Instant doneAt) {
        return new CallbackRequest(UUID.randomUUID(), "CA9", "+13125550100", "en", status,
            doneAt.minus(Duration.ofHours(1)), doneAt);
    }
}
