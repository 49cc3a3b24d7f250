package org.helpline.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import jakarta.inject.Singleton;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the helpline texts back to each kind of incoming text, as Messaging TwiML written out once. The words are
 * scripts under {@code prompts/<lang>/} like the spoken prompts, so the start-up check makes sure each one exists
 * in every language.
 */
@Singleton
public class TextReplies {

    /** The script of each reply; a STOP gets none. */
    private static final Map<Keyword, String> SCRIPTS = Map.of(Keyword.HELP, "text-help", Keyword.START,
        "text-start", Keyword.OTHER, "text-other");

    /** The scripts of the replies, for the start-up check. */
    public static final List<String> PROMPTS = List.copyOf(SCRIPTS.values());

    /**
     * The answer to an opt-out: no message. Twilio sends the carrier's confirmation itself and would refuse a
     * reply of ours to a number that has just opted out.
     */
    private static final String NO_REPLY = new MessagingResponse.Builder().build().toXml();

    private final Map<Keyword, Map<Language, String>> replies = new EnumMap<>(Keyword.class);

    TextReplies(Speech speech) {
        SCRIPTS.forEach((keyword, id) -> {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                Message message = new Message.Builder(speech.script(language, id)).build();
                byLanguage.put(language, new MessagingResponse.Builder().message(message).build().toXml());
            }
            replies.put(keyword, byLanguage);
        });
    }

    /** The whole TwiML document answering a text. */
    String to(Keyword.Match match) {
        if (match.keyword() == Keyword.STOP) {
            return NO_REPLY;
        }
        return replies.get(match.keyword()).get(match.language());
    }
}
