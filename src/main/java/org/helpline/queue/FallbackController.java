package org.helpline.queue;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Enqueue;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.call.Twiml;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;
import org.helpline.prompt.Utterance;

/**
 * The number's fallback URL, used by Twilio when the main webhook fails. It touches no database and names no
 * other URL of ours: the safety line, then straight into the queue with Twilio's own hold music, because whatever
 * broke the main webhook may break the wait URL too.
 */
@Controller("/voice/fallback")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class FallbackController {

    private final Speech speech;
    private final EnqueueTwiml queue;

    FallbackController(Speech speech, EnqueueTwiml queue) {
        this.speech = speech;
        this.queue = queue;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<byte[]> fallback() {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        spoken(Language.EN, "welcome").addTo(response);
        spoken(Language.EN, "safety").addTo(response);
        spoken(Language.ES, "safety").addTo(response);
        spoken(Language.EN, "queue-connecting").addTo(response);
        response.enqueue(new Enqueue.Builder(queue.queueName()).build());
        spoken(Language.EN, "goodbye").addTo(response);
        return Twiml.ok(response.build());
    }

    /** Always text-to-speech: a recording would be fetched from this service, which may be what is failing. */
    private Utterance spoken(Language language, String id) {
        return speech.words(language, speech.script(language, id));
    }
}
