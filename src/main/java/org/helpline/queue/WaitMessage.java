package org.helpline.queue;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.call.PublicUrls;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What a waiting caller hears each time Twilio asks the wait URL: their place in line, about how long, a word of
 * reassurance with the safety line, the offer of a call back (key 1), then hold audio. Twilio asks again when it
 * ends, so the message comes back every 30 to 60 seconds.
 */
@Singleton
class WaitMessage {

    private static final int HOLD_SECONDS = 30;
    private static final int LONGEST_ESTIMATE_SECONDS = 60 * 60;

    private final Speech speech;
    private final String holdAudioUrl;
    private final PublicUrls urls;

    WaitMessage(Speech speech, PublicUrls urls, @Value("${helpline.queue.hold-audio-url:}") String holdAudioUrl) {
        this.speech = speech;
        this.urls = urls;
        this.holdAudioUrl = holdAudioUrl;
    }

    VoiceResponse build(Language language, OptionalInt position, OptionalInt averageWaitSeconds) {
        // Inside a Gather, so a caller can press 1 at any moment for a call back instead of waiting.
        Gather.Builder response = new Gather.Builder().action(urls.voice("queue/wait/key", language))
            .method(HttpMethod.POST).numDigits(1).finishOnKey("").timeout(1).language(language.gatherLanguage());
        if (position.isPresent() && position.getAsInt() == 1) {
            speech.prompt(language, "queue-next").addTo(response);
        } else if (position.isPresent() && position.getAsInt() > 1) {
            speech.prompt(language, "queue-position", Map.of("position", String.valueOf(position.getAsInt())))
                .addTo(response);
        }
        // AvgQueueTime is how long callers have waited so far: 0 means no one has, which says nothing of this wait.
        if (averageWaitSeconds.isPresent() && averageWaitSeconds.getAsInt() > 0) {
            int seconds = averageWaitSeconds.getAsInt();
            if (seconds < 60) {
                speech.prompt(language, "queue-wait-short").addTo(response);
            } else if (seconds > LONGEST_ESTIMATE_SECONDS) {
                speech.prompt(language, "queue-wait-long").addTo(response);
            } else if (seconds <= 90) {
                speech.prompt(language, "queue-wait-one").addTo(response);
            } else {
                String minutes = String.valueOf((seconds + 59) / 60);
                speech.prompt(language, "queue-wait-minutes", Map.of("minutes", minutes)).addTo(response);
            }
        }
        speech.prompt(language, "queue-hold").addTo(response);
        speech.prompt(language, "queue-callback-offer").addTo(response);

        if (holdAudioUrl.isBlank()) {
            response.pause(new Pause.Builder().length(HOLD_SECONDS).build());
        } else {
            response.play(new Play.Builder(holdAudioUrl).build());
        }
        return new VoiceResponse.Builder().gather(response.build()).build();
    }
}
