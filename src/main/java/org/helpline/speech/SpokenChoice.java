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
 * beats "no"; on a tie, a phrase of the menu's own beats one every menu listens for; if phrases of two keys still
 * tie, or the recogniser was not confident, it is no choice at all.
 * What the caller said is neither kept nor logged: only the key it chose leaves this class.
 */
@Singleton
public class SpokenChoice {

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
        if (winners.size() > 1) {
            winners = ownWords(language, node, heard, winners, longest);
        }
        return winners.size() == 1 ? Optional.of(winners.get(0)) : Optional.empty();
    }

    /**
     * Of keys tied on their longest phrase heard, those chosen by a phrase of this menu's own: "I'll hold for a
     * specialist" where the menu asks whether to wait means waiting, though "specialist" is a word for key 0 in every
     * menu. Two of the menu's own choices heard together stay unclear.
     */
    private List<Character> ownWords(Language language, Node node, String heard, List<Character> tied, int longest) {
        Map<Character, List<String>> own = vocabulary.ownPhrasesByKey(language, node);
        List<Character> chosen = tied.stream().filter(key -> own.getOrDefault(key, List.of()).stream()
            .anyMatch(phrase -> Phrases.contains(heard, phrase) && phrase.split(" ").length == longest)).toList();
        return chosen.size() == 1 ? chosen : tied;
    }

    /**
     * Whether the caller spoke of someone overdosing, not breathing or dying, or of 9 1 1, in any menu. No
     * confidence is asked for: hearing an emergency that was not there costs a caller the safety line and the
     * overdose guidance; missing one that was there could cost a life.
     */
    public boolean emergency(Language language, String speechResult) {
        if (speechResult == null) {
            return false;
        }
        String heard = Phrases.normalize(speechResult);
        return !heard.isEmpty() && vocabulary.emergency(language).stream()
            .anyMatch(phrase -> Phrases.contains(heard, phrase));
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
