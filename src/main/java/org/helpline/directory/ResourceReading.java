package org.helpline.directory;

import jakarta.inject.Singleton;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;
import org.helpline.prompt.Utterance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the directory aloud, category by category. If it cannot be read, the caller is pointed to a specialist. */
@Singleton
public class ResourceReading {

    private final Directory directory;
    private final Speech speech;

    ResourceReading(Directory directory, Speech speech) {
        this.directory = directory;
        this.speech = speech;
    }

    /** The resources of one category, or of all when {@code category} is null. */
    public List<Utterance> read(Language language, String category) {
        Map<ResourceCategory, List<Resource>> groups = directory.grouped().orElse(Map.of());

        List<Utterance> spoken = new ArrayList<>();
        groups.forEach((heading, resources) -> {
            if (category != null && !heading.code().equals(category)) {
                return;
            }
            spoken.add(speech.prompt(language, heading.headingPrompt()));
            for (Resource resource : resources) {
                spoken.add(speech.words(language, resource.name() + "."));
                if (resource.phone() != null) {
                    String digits = spokenDigits(resource.phone());
                    spoken.add(speech.prompt(language, "resource-phone", Map.of("phone", digits)));
                }
            }
        });
        return spoken.isEmpty() ? List.of(speech.prompt(language, "resources-unavailable")) : spoken;
    }

    /** 8332346343 as "8 3 3, 2 3 4, 6 3 4 3", so text-to-speech reads digits in groups, not one large number. */
    static String spokenDigits(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() != 10) {
            return spaced(digits);
        }
        return spaced(digits.substring(0, 3)) + ", " + spaced(digits.substring(3, 6)) + ", "
            + spaced(digits.substring(6));
    }

    private static String spaced(String digits) {
        return String.join(" ", digits.split(""));
    }
}
