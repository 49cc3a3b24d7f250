package org.helpline.queue;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Queue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.call.Call;
import org.helpline.call.PublicUrls;
import org.helpline.call.Twiml;
import org.helpline.event.CallEvents;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;

/** Answers a specialist's phone: Twilio bridges them to the caller who has waited longest. */
@Controller("/voice/specialist")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class SpecialistController {

    /** Specialists are staff; their side of the call is in the helpline's working language. */
    private static final Language LANGUAGE = Language.EN;

    private final Speech speech;
    private final EnqueueTwiml queue;
    private final CallEvents events;
    private final PublicUrls urls;

    SpecialistController(Speech speech, EnqueueTwiml queue, CallEvents events, PublicUrls urls) {
        this.speech = speech;
        this.queue = queue;
        this.events = events;
        this.urls = urls;
    }

    /**
     * A specialist's phone answered. When we rang it ({@code screen=true}), a person must press 1 first, so a
     * voicemail that picks up is never given a waiting caller; a specialist who dialled in is connected at once.
     */
    @Post(consumes = MediaType.ALL)
    HttpResponse<byte[]> answer(HttpRequest<?> request) {
        Call call = Call.of(request);
        boolean screen = "true".equals(request.getParameters().get("screen"));

        if (screen) {
            events.record(call.sid(), "specialist", null, null, LANGUAGE, "screened", null);
            String accept = urls.base() + "/voice/specialist/accept";
            Gather.Builder gather = new Gather.Builder().action(accept).method(HttpMethod.POST).numDigits(1)
                .timeout(8);
            speech.prompt(LANGUAGE, "specialist-screen").addTo(gather);
            return Twiml.ok(new VoiceResponse.Builder().gather(gather.build())
                .hangup(new Hangup.Builder().build()).build());
        }
        return Twiml.ok(bridge(call));
    }

    @Post(uri = "/accept", consumes = MediaType.ALL)
    HttpResponse<byte[]> accept(HttpRequest<?> request) {
        Call call = Call.of(request);
        if (!"1".equals(call.params().get("Digits").orElse(""))) {
            return Twiml.ok(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
        }
        return Twiml.ok(bridge(call));
    }

    private VoiceResponse bridge(Call call) {
        events.record(call.sid(), "specialist", null, null, LANGUAGE, "dequeue", null);
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        speech.prompt(LANGUAGE, "specialist-connect").addTo(response);
        response.dial(new Dial.Builder().queue(new Queue.Builder(queue.queueName()).build()).build());
        return response.build();
    }
}
