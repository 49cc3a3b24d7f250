package org.helpline.speech;

import java.text.Normalizer;
import java.util.Locale;

/** Puts what a caller said and the phrases we listen for in one form: lower case, no accents, words only. */
final class Phrases {

    private Phrases() {
    }

    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
            .replace('’', '\'')
            .replaceAll("[^a-z0-9'*#]+", " ")
            .strip();
    }

    /** Whether every word of the phrase appears, in order and side by side, in the utterance. */
    static boolean contains(String utterance, String phrase) {
        return (" " + utterance + " ").contains(" " + phrase + " ");
    }
}
