package org.helpline.queue;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Queue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import org.helpline.call.Call;
import org.helpline.call.Twiml;
import org.helpline.event.CallEvents;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;

/** Answers a specialist's phone: Twilio bridges them to the caller who has waited longest. */
@Controller("/voice/specialist")
@Produces(MediaType.TEXT_XML)
class SpecialistController {

    private final Speech speech;
    private final EnqueueTwiml queue;
    private final CallEvents events;

    SpecialistController(Speech speech, EnqueueTwiml queue, CallEvents events) {
        this.speech = speech;
        this.queue = queue;
        this.events = events;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<String> answer(HttpRequest<?> request) {
        Call call = Call.of(request);
        // Specialists are staff; their side of the call is in the helpline's working language.
        Language language = Language.EN;

        events.record(call.sid(), "specialist", null, null, language, "dequeue", null);
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        speech.prompt(language, "specialist-connect").addTo(response);
        response.dial(new Dial.Builder().queue(new Queue.Builder(queue.queueName()).build()).build());
        return Twiml.ok(response.build());
    }
}
