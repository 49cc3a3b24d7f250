package org.helpline.prompt;

import jakarta.inject.Singleton;
import org.helpline.flow.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scripts and recordings under {@code prompts/<lang>/}, loaded once at start-up so that no call waits on a
 * file. A script's lines starting with {@code #} are notes for whoever edits it and are never spoken.
 * <p>
 * Read through the class loader, not Micronaut's {@code ResourceLoader}: in the packaged jar that one opens the
 * whole 45 MB jar as a zip file system for every file it reads (about 30 ms each), which was most of the start-up
 * time with 132 scripts.
 */
@Singleton
public class PromptCatalog {

    static final String ROOT = "prompts/";
    private static final String[] RECORDING_TYPES = {"mp3", "wav"};

    private final Map<Language, Map<String, String>> scripts = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, String>> recordings = new EnumMap<>(Language.class);

    PromptCatalog(RequiredPrompts required) {
        ClassLoader resources = PromptCatalog.class.getClassLoader();
        for (Language language : Language.values()) {
            Map<String, String> languageScripts = new HashMap<>();
            Map<String, String> languageRecordings = new HashMap<>();
            for (String id : required.ids()) {
                readScript(resources, language, id).ifPresent(text -> languageScripts.put(id, text));
                findRecording(resources, language, id).ifPresent(file -> languageRecordings.put(id, file));
            }
            scripts.put(language, languageScripts);
            recordings.put(language, languageRecordings);
        }
    }

    /** The words of a prompt, to be spoken with text-to-speech. */
    public Optional<String> script(Language language, String id) {
        return Optional.ofNullable(scripts.get(language).get(id));
    }

    /** The file name of a recording of the prompt, when one exists for that language. */
    public Optional<String> recording(Language language, String id) {
        return Optional.ofNullable(recordings.get(language).get(id));
    }

    private static Optional<String> readScript(ClassLoader resources, Language language, String id) {
        return Optional.ofNullable(resources.getResourceAsStream(ROOT + language.code() + "/" + id + ".txt"))
            .map(PromptCatalog::spokenText);
    }

    private static Optional<String> findRecording(ClassLoader resources, Language language, String id) {
        for (String type : RECORDING_TYPES) {
            String file = id + "." + type;
            if (resources.getResource(ROOT + language.code() + "/" + file) != null) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String spokenText(InputStream in) {
        try (in) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a prompt script", e);
        }
    }
}
