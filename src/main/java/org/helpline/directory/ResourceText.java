package org.helpline.directory;

import jakarta.inject.Singleton;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource directory written out as a text message, with the same headings the phone menu speaks. */
@Singleton
public class ResourceText {

    private final Directory directory;
    private final Speech speech;

    ResourceText(Directory directory, Speech speech) {
        this.directory = directory;
        this.speech = speech;
    }

    /** The list, or nothing when the directory is empty or cannot be read. */
    public Optional<String> list(Language language) {
        Optional<Map<ResourceCategory, List<Resource>>> groups = directory.grouped().filter(g -> !g.isEmpty());
        if (groups.isEmpty()) {
            return Optional.empty();
        }

        StringBuilder text = new StringBuilder(speech.script(language, "resources-intro"));
        groups.get().forEach((category, resources) -> {
            text.append("\n\n").append(speech.script(language, category.headingPrompt()));
            for (Resource resource : resources) {
                text.append("\n- ").append(resource.name());
                if (resource.phone() != null) {
                    text.append(": ").append(resource.phone());
                }
                if (resource.website() != null) {
                    text.append(" ").append(resource.website());
                }
            }
        });
        return Optional.of(text.toString());
    }
}
