package org.helpline.sms;

import io.micronaut.core.annotation.Nullable;
import org.helpline.flow.Language;

import java.util.Locale;
import java.util.Map;

/**
 * What an incoming text asks for. A keyword is the whole message, spaces around it and letter case aside: "stop"
 * and " STOP " stop texts, "please stop" does not (carriers and Twilio read it the same way). The STOP words are
 * Twilio's own list, so that we record every opt-out Twilio enforces.
 */
enum Keyword {
    STOP(Map.of("STOP", Language.EN, "STOPALL", Language.EN, "UNSUBSCRIBE", Language.EN, "CANCEL", Language.EN,
        "END", Language.EN, "QUIT", Language.EN, "REVOKE", Language.EN, "OPTOUT", Language.EN)),
    START(Map.of("START", Language.EN, "YES", Language.EN, "UNSTOP", Language.EN)),
    // Spanish callers are served in Spanish (CALL-FLOW.md), so a Spanish keyword is answered in Spanish.
    HELP(Map.of("HELP", Language.EN, "INFO", Language.EN, "AYUDA", Language.ES)),
    OTHER(Map.of());

    /** A message read: what it asks for, and the language to answer in. */
    record Match(Keyword keyword, Language language) {
    }

    private static final int LONGEST = 11;

    private final Map<String, Language> words;

    Keyword(Map<String, Language> words) {
        this.words = words;
    }

    /** The name used in logs and the metric's tag. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Match read(@Nullable String body) {
        String text = body == null ? "" : body.strip();
        // No keyword is longer; a long message is not upper-cased for nothing.
        if (text.length() > LONGEST) {
            return new Match(OTHER, Language.EN);
        }
        String word = text.toUpperCase(Locale.ROOT);
        for (Keyword keyword : values()) {
            Language language = keyword.words.get(word);
            if (language != null) {
                return new Match(keyword, language);
            }
        }
        return new Match(OTHER, Language.EN);
    }
}
