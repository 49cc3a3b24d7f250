package org.helpline.speech;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.flow.Language;
import org.helpline.flow.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a caller said into the key it stands for. The phrase heard with the most words wins, so "not sure"
 * beats "no"; on a tie, asking for a person (key 0) wins; if phrases of two other keys tie, or the recogniser was
 * not confident, it is no choice at all.
 * What the caller said is neither kept nor logged: only the key it chose leaves this class.
 */
@Singleton
public class SpokenChoice {

    private static final char PERSON = '0';

    private final Vocabulary vocabulary;
    private final double minConfidence;

    SpokenChoice(Vocabulary vocabulary, @Value("${helpline.speech.min-confidence:0.4}") double minConfidence) {
        this.vocabulary = vocabulary;
        this.minConfidence = minConfidence;
    }

    public Optional<Character> choose(Language language, Node node, String speechResult, String confidence) {
        if (speechResult == null || !confident(confidence)) {
            return Optional.empty();
        }
        String heard = Phrases.normalize(speechResult);
        if (heard.isEmpty()) {
            return Optional.empty();
        }

        Map<Character, Integer> mostWords = new HashMap<>();
        vocabulary.phrasesByKey(language, node).forEach((key, phrases) -> phrases.stream()
            .filter(phrase -> Phrases.contains(heard, phrase))
            .mapToInt(phrase -> phrase.split(" ").length).max()
            .ifPresent(length -> mostWords.put(key, length)));

        int longest = mostWords.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Character> winners = mostWords.entrySet().stream()
            .filter(entry -> entry.getValue() == longest).map(Map.Entry::getKey).toList();
        // A caller who asks for a person along with something else gets a person, who can help with either.
        if (winners.size() > 1 && winners.contains(PERSON)) {
            return Optional.of(PERSON);
        }
        return winners.size() == 1 ? Optional.of(winners.get(0)) : Optional.empty();
    }

    /**
     * Whether the caller spoke of someone overdosing, not breathing or dying, or of 9 1 1, in any menu and in
     * either language (a Spanish speaker hears the English menus until they press 9). No confidence is asked for:
     * hearing an emergency that was not there costs a caller the safety line and the overdose guidance; missing one
     * that was there could cost a life.
     */
    public boolean emergency(String speechResult) {
        if (speechResult == null) {
            return false;
        }
        String heard = Phrases.normalize(speechResult);
        return !heard.isEmpty()
            && vocabulary.emergencyWords().stream().anyMatch(phrase -> Phrases.contains(heard, phrase));
    }

    private boolean confident(String confidence) {
        if (confidence == null) {
            return false;
        }
        try {
            double value = Double.parseDouble(confidence);
            return value >= minConfidence && value <= 1.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
