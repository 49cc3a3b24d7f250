package org.helpline.queue;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Enqueue;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.call.PublicUrls;
import org.helpline.call.TwimlCache;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;
import org.helpline.prompt.Utterance;

import java.util.List;

/** Puts a caller in the specialists' queue, telling them so first. Twilio holds the queue, not this service. */
@Singleton
public class EnqueueTwiml {

    private final Speech speech;
    private final PublicUrls urls;
    private final String queueName;
    private final TwimlCache<Language> kept = new TwimlCache<>(Language.values().length);

    EnqueueTwiml(Speech speech, PublicUrls urls, @Value("${helpline.queue.name}") String queueName) {
        this.speech = speech;
        this.urls = urls;
        this.queueName = queueName;
    }

    /**
     * The TwiML that puts a caller in the queue. Without a lead-in it depends only on the language, so it is written
     * once per language and kept: every caller who asks for a specialist gets it.
     */
    public String enqueue(Language language, List<Utterance> leadIn) {
        if (leadIn.isEmpty()) {
            return kept.get(language, () -> write(language, leadIn).toXml());
        }
        return write(language, leadIn).toXml();
    }

    private VoiceResponse write(Language language, List<Utterance> leadIn) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        leadIn.forEach(utterance -> utterance.addTo(response));
        speech.prompt(language, "queue-connecting").addTo(response);

        Enqueue enqueue = new Enqueue.Builder(queueName)
            .waitUrl(urls.voice("queue/wait", language)).waitUrlMethod(HttpMethod.POST)
            .action(urls.voice("queue/result", language)).method(HttpMethod.POST)
            .build();
        return response.enqueue(enqueue).build();
    }

    String queueName() {
        return queueName;
    }
}
