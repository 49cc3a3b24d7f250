package org.helpline.call;

import io.micronaut.http.HttpRequest;
import org.helpline.flow.Language;

import java.util.regex.Pattern;

/**
 * What a call carries from one webhook to the next, in the URLs our TwiML names: its language, how many times in a
 * row the caller has not made a choice, and the answers to the three questions so far. Nothing is kept on the
 * server, so any instance can answer any request.
 */
public record CallState(Language language, int misses, String answers) {

    public static final int MAX_MISSES = 3;
    private static final Pattern ANSWERS = Pattern.compile("[1-4]{0,3}");

    public CallState {
        misses = Math.max(0, Math.min(misses, MAX_MISSES));
        answers = answers != null && ANSWERS.matcher(answers).matches() ? answers : "";
    }

    public static CallState start(Language language) {
        return new CallState(language, 0, "");
    }

    /** Reads the state from a request's query; anything missing or malformed starts afresh. */
    public static CallState from(HttpRequest<?> request) {
        var query = request.getParameters();
        Language language = Language.fromCode(query.get("lang"));
        int misses = parseMisses(query.get("miss"));
        return new CallState(language, misses, query.get("ans"));
    }

    public CallState withMisses(int count) {
        return new CallState(language, count, answers);
    }

    CallState withAnswers(String newAnswers) {
        return new CallState(language, 0, newAnswers);
    }

    String query() {
        String query = "lang=" + language.code() + "&miss=" + misses;
        return answers.isEmpty() ? query : query + "&ans=" + answers;
    }

    private static int parseMisses(String value) {
        if (value == null || value.length() != 1 || !Character.isDigit(value.charAt(0))) {
            return 0;
        }
        return value.charAt(0) - '0';
    }
}
