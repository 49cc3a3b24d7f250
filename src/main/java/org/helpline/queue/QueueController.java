package org.helpline.queue;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.call.Call;
import org.helpline.call.CallState;
import org.helpline.call.PublicUrls;
import org.helpline.call.Twiml;
import org.helpline.call.TwimlCache;
import org.helpline.event.CallEvents;
import org.helpline.event.QueueResults;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;
import org.helpline.security.TwilioParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The two webhooks of a caller's time in the queue: the wait URL, polled while they wait, and the Enqueue action,
 * called once when the wait ends with Twilio's {@code QueueResult}.
 */
@Controller("/voice/queue")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class QueueController {

    private static final Logger LOG = LoggerFactory.getLogger(QueueController.class);
    /** Compiled once: {@code String.matches} compiles its pattern anew, three times per wait request. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,7}");

    private final WaitMessage waitMessage;
    private final Speech speech;
    private final PublicUrls urls;
    private final CallEvents events;
    /** What follows the wait depends only on how it ended and the language: a handful of documents. */
    private final TwimlCache<Ending> afterQueue = new TwimlCache<>(100);

    private record Ending(String result, Language language) {
    }

    QueueController(WaitMessage waitMessage, Speech speech, PublicUrls urls, CallEvents events) {
        this.waitMessage = waitMessage;
        this.speech = speech;
        this.urls = urls;
        this.events = events;
    }

    @Post(uri = "/wait", consumes = MediaType.ALL)
    HttpResponse<byte[]> waiting(HttpRequest<?> request) {
        Call call = Call.of(request);
        Language language = call.state().language();
        OptionalInt position = number(call.params(), "QueuePosition");
        OptionalInt averageWait = number(call.params(), "AvgQueueTime");

        events.record(call.sid(), CallFlow.QUEUE, null, CallFlow.QUEUE, language, CallEvents.WAITING,
            boxed(number(call.params(), "QueueTime")));
        return Twiml.ok(waitMessage.build(language, position, averageWait));
    }

    /** A key pressed while waiting: 1 leaves the queue for a call back; anything else goes back to waiting. */
    @Post(uri = "/wait/key", consumes = MediaType.ALL)
    HttpResponse<byte[]> waitingKey(HttpRequest<?> request) {
        Call call = Call.of(request);
        Language language = call.state().language();
        String digits = call.params().get("Digits").orElse("");

        if (digits.equals("1")) {
            events.record(call.sid(), CallFlow.QUEUE, digits, CallFlow.CALLBACK, language, "leave", null);
            return Twiml.ok(new VoiceResponse.Builder().leave(new Leave.Builder().build()).build());
        }
        String waitUrl = urls.voice("queue/wait", language);
        return Twiml.ok(new VoiceResponse.Builder().redirect(Twiml.redirectTo(waitUrl)).build());
    }

    @Post(uri = "/result", consumes = MediaType.ALL)
    HttpResponse<byte[]> result(HttpRequest<?> request) {
        Call call = Call.of(request);
        Language language = call.state().language();
        String result = call.params().get("QueueResult").filter(QueueResults.ALL::contains).orElse("error");
        Integer seconds = boxed(number(call.params(), "QueueTime"));

        LOG.debug("Call {} left the queue: {} after {} s", call.sid(), result, seconds);
        events.record(call.sid(), CallFlow.QUEUE, null, nextNode(result), language, result, seconds);
        return Twiml.ok(afterQueue.get(new Ending(result, language), () -> afterQueue(result, language).toXml()));
    }

    private VoiceResponse afterQueue(String result, Language language) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        switch (result) {
            case "bridged", "bridging-in-process" -> {
                speech.prompt(language, "queue-after-call").addTo(response);
                speech.prompt(language, "goodbye").addTo(response);
                response.hangup(new Hangup.Builder().build());
            }
            case "hangup", "redirected" -> response.hangup(new Hangup.Builder().build());
            case "leave" -> {
                String offer = urls.voice("callback/offer", CallState.start(language));
                response.redirect(Twiml.redirectTo(offer));
            }
            case "queue-full" -> {
                // Told so, and offered a call back and the menu: never endless ringing.
                String full = urls.voice("menu/" + CallFlow.QUEUE_FULL, CallState.start(language));
                response.redirect(Twiml.redirectTo(full));
            }
            default -> {
                // Failed: never a dead end; the self-service menu is always there.
                speech.prompt(language, "queue-error").addTo(response);
                String main = urls.voice("menu/" + CallFlow.MAIN, CallState.start(language));
                response.redirect(Twiml.redirectTo(main));
            }
        }
        return response.build();
    }

    private static String nextNode(String result) {
        return switch (result) {
            case "bridged", "bridging-in-process", "hangup", "redirected" -> null;
            case "leave" -> CallFlow.CALLBACK;
            case "queue-full" -> CallFlow.QUEUE_FULL;
            default -> CallFlow.MAIN;
        };
    }

    static OptionalInt number(TwilioParams params, String name) {
        return params.get(name)
            .filter(value -> WHOLE_NUMBER.matcher(value).matches())
            .map(value -> OptionalInt.of(Integer.parseInt(value)))
            .orElse(OptionalInt.empty());
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
