package org.helpline.speech;

import jakarta.inject.Singleton;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.flow.Node;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words a caller may say instead of pressing a key, from {@code prompts/<lang>/speech.properties}: per menu
 * ({@code <node>.<key>}), for every menu ({@code any.<key>}), and the digits' own names, which work everywhere.
 */
@Singleton
public class Vocabulary {

    static final String ANY = "any";
    /** The entry of words that mean someone may be dying now, whatever the menu (see {@link #emergency}). */
    static final String EMERGENCY = "emergency";
    private static final Map<Language, List<String>> DIGIT_NAMES = Map.of(
        Language.EN, List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "star"),
        Language.ES, List.of("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
            "estrella"));
    private static final String KEYS = "0123456789*";

    private final Map<Language, Map<String, Map<Character, List<String>>>> entries = new EnumMap<>(Language.class);
    private final List<String> problems = new ArrayList<>();
    /** Per language and node, worked out once at start-up so no call pays for it. */
    private final Map<Language, Map<String, Map<Character, List<String>>>> byNodeAndKey = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, String>> hints = new EnumMap<>(Language.class);
    private final Map<Language, List<String>> emergencies = new EnumMap<>(Language.class);
    private final List<String> allEmergencies;

    public Vocabulary(CallFlow flow) {
        for (Language language : Language.values()) {
            String file = "prompts/" + language.code() + "/speech.properties";
            Optional<Properties> properties = load(file);
            if (properties.isEmpty()) {
                problems.add("no speech vocabulary " + file);
                entries.put(language, Map.of());
                emergencies.put(language, List.of());
                continue;
            }
            emergencies.put(language, phrases(properties.get().getProperty(EMERGENCY, "")));
            if (emergencies.get(language).isEmpty()) {
                problems.add(file + ": no '" + EMERGENCY + "' phrases");
            }
            entries.put(language, parse(properties.get(), file, flow));
        }
        for (Language language : Language.values()) {
            Map<String, Map<Character, List<String>>> nodes = new HashMap<>();
            Map<String, String> nodeHints = new HashMap<>();
            for (Node node : flow.nodes().values()) {
                Map<Character, List<String>> phrases = collect(language, node);
                nodes.put(node.id(), phrases);
                // Sorted, so every instance and every run sends the same hints, whatever order the file was read in.
                Set<String> all = new TreeSet<>(emergencies.get(language));
                phrases.values().forEach(all::addAll);
                nodeHints.put(node.id(), String.join(", ", all));
            }
            byNodeAndKey.put(language, nodes);
            hints.put(language, nodeHints);
        }
        allEmergencies = emergencies.values().stream().flatMap(List::stream).distinct().toList();
    }

    /** What is wrong with the vocabulary files, for the start-up check. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every phrase that chooses one of the node's keys, comma-separated, for the speech recogniser's hints. */
    public String hints(Language language, Node node) {
        return hints.get(language).getOrDefault(node.id(), "");
    }

    /**
     * Words that mean someone may be overdosing or dying now, of every language together: heard in any menu of
     * either language, since a Spanish speaker hears the English menus until they press 9.
     */
    List<String> emergencyWords() {
        return allEmergencies;
    }

    /** Phrase lists for each key the node offers: its own, the ones for every menu, and the digit's name. */
    Map<Character, List<String>> phrasesByKey(Language language, Node node) {
        return byNodeAndKey.get(language).getOrDefault(node.id(), Map.of());
    }

    private Map<Character, List<String>> collect(Language language, Node node) {
        Map<String, Map<Character, List<String>>> forLanguage = entries.get(language);
        Map<Character, List<String>> byKey = new HashMap<>();
        for (char key : node.choices()) {
            List<String> phrases = new ArrayList<>();
            phrases.addAll(forLanguage.getOrDefault(node.id(), Map.of()).getOrDefault(key, List.of()));
            phrases.addAll(forLanguage.getOrDefault(ANY, Map.of()).getOrDefault(key, List.of()));
            int digit = KEYS.indexOf(key);
            if (digit >= 0) {
                phrases.add(DIGIT_NAMES.get(language).get(digit));
                phrases.add(String.valueOf(key));
            }
            byKey.put(key, List.copyOf(phrases));
        }
        return Map.copyOf(byKey);
    }

    private Map<String, Map<Character, List<String>>> parse(Properties properties, String file, CallFlow flow) {
        Map<String, Map<Character, List<String>>> byNode = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (EMERGENCY.equals(name)) {
                continue;
            }
            int dot = name.lastIndexOf('.');
            String nodeId = dot > 0 ? name.substring(0, dot) : name;
            String key = dot > 0 ? name.substring(dot + 1) : "";
            if (key.length() != 1 || KEYS.indexOf(key.charAt(0)) < 0) {
                problems.add(file + ": '" + name + "' does not end in a single key");
                continue;
            }
            Optional<Node> node = flow.find(nodeId);
            if (!ANY.equals(nodeId) && node.map(n -> !n.choices().contains(key.charAt(0))).orElse(true)) {
                problems.add(file + ": '" + name + "' names a menu or key the call flow does not have");
                continue;
            }
            byNode.computeIfAbsent(nodeId, id -> new HashMap<>())
                .put(key.charAt(0), phrases(properties.getProperty(name)));
        }
        return byNode;
    }

    private static List<String> phrases(String entry) {
        List<String> phrases = new ArrayList<>();
        for (String phrase : entry.split(",")) {
            String normal = Phrases.normalize(phrase);
            if (!normal.isEmpty()) {
                phrases.add(normal);
            }
        }
        return List.copyOf(phrases);
    }

    /** Through the class loader: Micronaut's ResourceLoader opens the whole packaged jar anew for every file. */
    private static Optional<Properties> load(String file) {
        return Optional.ofNullable(Vocabulary.class.getClassLoader().getResourceAsStream(file)).map(in -> {
            try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                return properties;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        });
    }
}
