package org.helpline.prompt;

import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.call.PublicUrls;
import org.helpline.flow.Language;

import java.util.Map;

/**
 * Turns prompts into what Twilio plays: the recording where one exists, the script in the language's voice where
 * not. Placeholders such as {@code {position}} are filled in, and such prompts are always spoken.
 */
@Singleton
public class Speech {

    private final PromptCatalog catalog;
    private final PublicUrls urls;
    private final Map<Language, Say.Voice> voices;

    Speech(PromptCatalog catalog, PublicUrls urls,
           @Value("${helpline.voices.en}") Say.Voice english, @Value("${helpline.voices.es}") Say.Voice spanish) {
        this.catalog = catalog;
        this.urls = urls;
        this.voices = Map.of(Language.EN, english, Language.ES, spanish);
    }

    /** A fixed prompt. The start-up check guarantees every required prompt has a script. */
    public Utterance prompt(Language language, String id) {
        var recording = catalog.recording(language, id);
        if (recording.isPresent()) {
            return Utterance.of(new Play.Builder(urls.prompt(language, recording.get())).build());
        }
        return words(language, script(language, id));
    }

    /** A prompt with its placeholders filled in. */
    public Utterance prompt(Language language, String id, Map<String, String> values) {
        String text = script(language, id);
        for (var entry : values.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return words(language, text);
    }

    /** Words that are not a prompt, such as a resource's name, spoken in the call's voice. */
    public Utterance words(Language language, String text) {
        return Utterance.of(new Say.Builder(text).voice(voices.get(language)).language(language.sayLanguage())
            .build());
    }

    /** The script's text, for a text message. */
    public String script(Language language, String id) {
        return catalog.script(language, id)
            .orElseThrow(() -> new IllegalStateException("No " + language.code() + " script for prompt " + id));
    }
}
