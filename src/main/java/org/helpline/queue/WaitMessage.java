package org.helpline.queue;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.call.PublicUrls;
import org.helpline.call.TwimlCache;
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
    /** Places in line times estimates: a few hundred messages in practice; the bound keeps it under 3 MB. */
    private final TwimlCache<Said> kept = new TwimlCache<>(2_000);

    /** What a wait message depends on (the hold audio is fixed at start-up). */
    private record Said(Language language, int place, String estimate) {
    }

    WaitMessage(Speech speech, PublicUrls urls, @Value("${helpline.queue.hold-audio-url:}") String holdAudioUrl) {
        this.speech = speech;
        this.urls = urls;
        this.holdAudioUrl = holdAudioUrl;
    }

    /**
     * The message for a place in line and an average wait. Callers at the same place with the same estimate hear
     * the same words, so each such message is written once and kept: 2,000 waiting callers poll every 30 to 60 s.
     */
    String build(Language language, OptionalInt position, OptionalInt averageWaitSeconds) {
        int place = position.orElse(0);
        int seconds = averageWaitSeconds.orElse(0);
        return kept.get(new Said(language, place, estimate(seconds)), () -> write(language, place, seconds));
    }

    /** Which estimate a wait gets; waits that round to the same words are the same message. */
    private static String estimate(int seconds) {
        if (seconds <= 0) {
            return "";
        }
        if (seconds < 60) {
            return "queue-wait-short";
        }
        if (seconds > LONGEST_ESTIMATE_SECONDS) {
            return "queue-wait-long";
        }
        return seconds <= 90 ? "queue-wait-one" : "minutes " + (seconds + 59) / 60;
    }

    private String write(Language language, int place, int seconds) {
        // Inside a Gather, so a caller can press 1 at any moment for a call back instead of waiting.
        Gather.Builder response = new Gather.Builder().action(urls.voice("queue/wait/key", language))
            .method(HttpMethod.POST).numDigits(1).finishOnKey("").timeout(1).language(language.gatherLanguage());
        if (place == 1) {
            speech.prompt(language, "queue-next").addTo(response);
        } else if (place > 1) {
            speech.prompt(language, "queue-position", Map.of("position", String.valueOf(place))).addTo(response);
        }
        // AvgQueueTime is how long callers have waited so far: 0 means no one has, which says nothing of this wait.
        String estimate = estimate(seconds);
        if (estimate.startsWith("minutes")) {
            String minutes = String.valueOf((seconds + 59) / 60);
            speech.prompt(language, "queue-wait-minutes", Map.of("minutes", minutes)).addTo(response);
        } else if (!estimate.isEmpty()) {
            speech.prompt(language, estimate).addTo(response);
        }
        speech.prompt(language, "queue-hold").addTo(response);
        speech.prompt(language, "queue-callback-offer").addTo(response);

        if (holdAudioUrl.isBlank()) {
            response.pause(new Pause.Builder().length(HOLD_SECONDS).build());
        } else {
            response.play(new Play.Builder(holdAudioUrl).build());
        }
        return new VoiceResponse.Builder().gather(response.build()).build().toXml();
    }
}
