package org.helpline.queue;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Enqueue;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import org.helpline.call.Twiml;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;

/**
 * The number's fallback URL, used by Twilio when the main webhook fails. It touches no database and names no
 * other URL of ours: the safety line, then straight into the queue with Twilio's own hold music, because whatever
 * broke the main webhook may break the wait URL too.
 */
@Controller("/voice/fallback")
@Produces(MediaType.TEXT_XML)
class FallbackController {

    private final Speech speech;
    private final EnqueueTwiml queue;

    FallbackController(Speech speech, EnqueueTwiml queue) {
        this.speech = speech;
        this.queue = queue;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<String> fallback() {
        Language language = Language.EN;
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        speech.prompt(language, "welcome").addTo(response);
        speech.prompt(language, "safety").addTo(response);
        speech.prompt(language, "queue-connecting").addTo(response);
        response.enqueue(new Enqueue.Builder(queue.queueName()).build());
        speech.prompt(language, "goodbye").addTo(response);
        return Twiml.ok(response.build());
    }
}
