package org.helpline.callback;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.call.Call;
import org.helpline.call.CallState;
import org.helpline.call.PublicUrls;
import org.helpline.call.Twiml;
import org.helpline.event.CallEvents;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;
import org.helpline.prompt.Utterance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call back instead of waiting: "we will call you back at the number ending in 4 2, press 1; to give another
 * number, press 2". A keyed number must be a North American one. Three misses lead back to the main menu, so a
 * caller is never stuck here. Events record each step, never the number.
 */
@Controller("/voice/callback")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CallbackController {

    private static final String NODE = "callback";

    private final Speech speech;
    private final PublicUrls urls;
    private final CallbackRequests requests;
    private final CallEvents events;

    CallbackController(Speech speech, PublicUrls urls, CallbackRequests requests, CallEvents events) {
        this.speech = speech;
        this.urls = urls;
        this.requests = requests;
        this.events = events;
    }

    @Post(uri = "/offer", consumes = MediaType.ALL)
    HttpResponse<byte[]> offer(HttpRequest<?> request) {
        Call call = Call.of(request);
        Optional<String> callerId = call.params().get("From").flatMap(NorthAmericanNumber::parse);

        events.record(call.sid(), NODE, null, NODE, call.state().language(), "offered", null);
        // A request is kept by its call; without a CallSid (not a request from Twilio) none can be, so none is
        // promised.
        if (call.sid() == null) {
            Language language = call.state().language();
            return Twiml.ok(toMainMenu(language, List.of(speech.prompt(language, "callback-unavailable"))));
        }
        if (callerId.isEmpty()) {
            return Twiml.ok(askNumber(call.state(), List.of()));
        }
        // Kept at once: the caller asked to be called back, and may hang up before confirming. Any other answer than
        // 1 takes it back.
        requests.request(call.sid(), callerId.get(), call.state().language());
        return Twiml.ok(confirm(call.state(), callerId.get(), List.of()));
    }

    @Post(uri = "/confirm", consumes = MediaType.ALL)
    HttpResponse<byte[]> confirmed(HttpRequest<?> request) {
        Call call = Call.of(request);
        CallState state = call.state();
        String digits = call.params().get("Digits").orElse("");
        Optional<String> callerId = call.params().get("From").flatMap(NorthAmericanNumber::parse);

        events.record(call.sid(), NODE, digits, NODE, state.language(), "confirm", null);
        if (digits.equals("1") && callerId.isPresent()) {
            return Twiml.ok(store(call, callerId.get()));
        }
        Optional<VoiceResponse> away = leaving(call, digits);
        if (away.isPresent()) {
            return Twiml.ok(away.get());
        }
        if (digits.equals("2") || callerId.isEmpty()) {
            requests.withdraw(call.sid());
            return Twiml.ok(askNumber(state.withMisses(0), List.of()));
        }
        String why = digits.isEmpty() ? "no-input" : "invalid-choice";
        return Twiml.ok(confirm(state.withMisses(state.misses() + 1), callerId.get(),
            List.of(speech.prompt(state.language(), why))));
    }

    @Post(uri = "/number", consumes = MediaType.ALL)
    HttpResponse<byte[]> numberEntered(HttpRequest<?> request) {
        Call call = Call.of(request);
        CallState state = call.state();
        Optional<String> number = call.params().get("Digits").flatMap(NorthAmericanNumber::parse);

        events.record(call.sid(), NODE, null, NODE, state.language(), number.isPresent() ? "number" : "bad-number",
            null);
        if (number.isPresent()) {
            return Twiml.ok(store(call, number.get()));
        }
        Optional<VoiceResponse> away = leaving(call, call.params().get("Digits").orElse(""));
        if (away.isPresent()) {
            return Twiml.ok(away.get());
        }
        boolean silent = call.params().get("Digits").filter(d -> !d.isEmpty()).isEmpty();
        return Twiml.ok(askNumber(state.withMisses(state.misses() + 1),
            List.of(speech.prompt(state.language(), silent ? "callback-no-number" : "callback-bad-number"))));
    }

    private VoiceResponse confirm(CallState state, String callerId, List<Utterance> leadIn) {
        Language language = state.language();
        Gather.Builder gather = new Gather.Builder().action(urls.voice("callback/confirm", state))
            .method(HttpMethod.POST).numDigits(1).finishOnKey("").timeout(6).language(language.gatherLanguage());
        leadIn.forEach(utterance -> utterance.addTo(gather));
        speech.prompt(language, "callback-confirm", Map.of("last2", NorthAmericanNumber.lastTwoSpoken(callerId)))
            .addTo(gather);
        return Twiml.menu(gather, urls.voice("callback/confirm", state));
    }

    private VoiceResponse askNumber(CallState state, List<Utterance> leadIn) {
        Gather.Builder gather = new Gather.Builder().action(urls.voice("callback/number", state))
            .method(HttpMethod.POST).numDigits(10).finishOnKey("#").timeout(10)
            .language(state.language().gatherLanguage());
        leadIn.forEach(utterance -> utterance.addTo(gather));
        speech.prompt(state.language(), "callback-number").addTo(gather);
        return Twiml.menu(gather, urls.voice("callback/number", state));
    }

    private VoiceResponse store(Call call, String number) {
        Language language = call.state().language();
        if (!requests.request(call.sid(), number, language)) {
            return toMainMenu(language, List.of(speech.prompt(language, "callback-unavailable")));
        }
        events.record(call.sid(), NODE, null, null, language, "requested", null);
        // No "specialists are here 24/7" goodbye: this caller may have been told the line is closed.
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        speech.prompt(language, "callback-saved").addTo(response);
        return response.hangup(new Hangup.Builder().build()).build();
    }

    /**
     * The ways out of the call-back menus, as from every menu: 0 to a specialist, star to the main menu, and the
     * third miss to a specialist (the queue says so, or says it is closed). Each takes back a request kept at the
     * offer.
     */
    private Optional<VoiceResponse> leaving(Call call, String digits) {
        CallState state = call.state();
        boolean toSpecialist = digits.equals("0") || state.misses() + 1 >= CallState.MAX_MISSES;
        if (!toSpecialist && !digits.equals("*")) {
            return Optional.empty();
        }
        requests.withdraw(call.sid());
        if (toSpecialist) {
            return Optional.of(Twiml.sayThenRedirect(List.of(),
                urls.voice("menu/" + CallFlow.QUEUE, state.withMisses(0))));
        }
        return Optional.of(toMainMenu(state.language(), List.of()));
    }

    private VoiceResponse toMainMenu(Language language, List<Utterance> leadIn) {
        return Twiml.sayThenRedirect(leadIn, urls.voice("menu/" + CallFlow.MAIN, CallState.start(language)));
    }

}
