package org.helpline.callback;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.hours.WeeklyHours;
import org.helpline.hours.WeeklyHoursRepository;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    @Client("/")
    HttpClient http;

    @Inject
    CallbackRequestRepository requests;

    @Inject
    CallbackRequests callbacks;

    @Inject
    WeeklyHoursRepository weekly;

    private FakeTwilio twilio;

    @BeforeEach
    void clean() {
        twilio = new FakeTwilio(http.toBlocking());
        requests.deleteAll();
    }

    @AfterEach
    void openAroundTheClock() {
        weekly.deleteAll();
        for (int day = 1; day <= 7; day++) {
            weekly.save(new WeeklyHours(null, day, 0, 1440));
        }
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

        assertThat(saved.said()).containsExactly(en("callback-saved"), en("goodbye"));
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

        assertThat(saved.said()).containsExactly(es("callback-saved"), es("goodbye"));
        assertThat(requests.findByCallSid(call.callSid())).singleElement()
            .satisfies(request -> {
                assertThat(request.phone()).isEqualTo("+17735550199");
                assertThat(request.language()).isEqualTo("es");
            });
    }

    @Test
    void whenTheNumberIsWrongThreeTimesThenTheCallerIsBackAtTheMainMenu() {
        CallWalk call = new CallWalk(twilio);
        call.step("/voice/callback/offer?lang=en&miss=0", Map.of());
        call.press("2");
        call.press("123");
        call.press("0000000000");

        TwimlDoc giveUp = call.press("1");

        assertThat(giveUp.said()).containsExactly(en("callback-unavailable"));
        assertThat(call.step(giveUp.redirect(), Map.of()).saidInGather()).containsExactly(en("main-menu"));
        assertThat(requests.findByCallSid(call.callSid())).isEmpty();
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
