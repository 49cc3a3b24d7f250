package org.helpline.prompt;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;

/** Something the caller hears: a recording played, or words spoken. Exactly one of the two is set. */
public record Utterance(Say say, Play play) {

    public static Utterance of(Say say) {
        return new Utterance(say, null);
    }

    public static Utterance of(Play play) {
        return new Utterance(null, play);
    }

    public void addTo(Gather.Builder gather) {
        if (play != null) {
            gather.play(play);
        } else {
            gather.say(say);
        }
    }

    public void addTo(VoiceResponse.Builder response) {
        if (play != null) {
            response.play(play);
        } else {
            response.say(say);
        }
    }
}
