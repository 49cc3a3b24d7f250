package org.helpline.call;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/**
 * After 9, every menu, the advice, the queue and its wait messages are heard in Spanish, and no English at all but
 * the offer to go back to English.
 */
@MicronautTest
class SpanishWalkTest {

    private static final List<List<String>> PATHS = List.of(
        List.of("1", "1", "1", "2", "1", "2"),
        List.of("1", "2", "1", "*"),
        List.of("1", "3", "2", "*"),
        List.of("1", "4", "1", "2"),
        List.of("3", "1", "2", "1", "2"),
        List.of("5", "1", "2"),
        List.of("4", "1", "2", "5", "*", "*"),
        List.of("2", "1", "1", "1", "1", "2"),
        List.of("2", "4", "2", "2", "*", "*", "*", "*"),
        List.of("2", "3", "1", "2", "2"),
        List.of("7", "8", "#"),
        List.of("*", "*", "0"));

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void whenASpanishCallerPressesNineThenTheCallGoesBackToEnglish() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();

        TwimlDoc spanish = call.press("9");
        TwimlDoc english = call.press("9");

        assertThat(spanish.saidInGather()).containsExactly(es("welcome"), es("safety"), en("english-offer"),
            es("main-menu"));
        assertThat(english.saidInGather()).containsExactly(en("welcome"), en("safety"), es("spanish-offer"),
            en("main-menu"));
        assertThat(english.gatherAction()).contains("lang=en");
    }

    @Test
    void whenASpanishCallerSaysEnglishThenTheCallGoesBackToEnglish() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("9");

        TwimlDoc english = call.step(call.current().gatherAction(), Map.of("SpeechResult", "inglés",
            "Confidence", "0.9"));

        assertThat(english.saidInGather()).startsWith(en("welcome"));
    }

    @Test
    void whenEveryMenuIsWalkedInSpanishThenNoEnglishIsSpoken() throws IOException {
        Set<String> englishScripts = englishScripts();
        List<TwimlDoc> heard = new ArrayList<>();

        for (List<String> path : PATHS) {
            CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
            call.start();
            heard.add(call.press("9"));
            for (String key : path) {
                if (!call.current().has("/Response/Gather")) {
                    break;
                }
                heard.add(call.press(key));
            }
        }
        heard.addAll(queueInSpanish());
        heard.addAll(silenceInSpanish());

        // The offer of English is the one thing said in English, and only in the greeting.
        List<Element> says = heard.stream().flatMap(doc -> doc.elements("//Say").stream())
            .filter(say -> !say.getTextContent().equals(en("english-offer"))).toList();
        assertThat(says).hasSizeGreaterThan(80);
        assertThat(says).allSatisfy(say -> {
            assertThat(say.getAttribute("language")).isEqualTo("es-US");
            assertThat(say.getAttribute("voice")).isEqualTo("Polly.Lupe-Neural");
            assertThat(englishScripts).doesNotContain(say.getTextContent());
        });
        assertThat(heard).allSatisfy(doc -> {
            if (doc.has("/Response/Gather")) {
                assertThat(doc.attribute("/Response/Gather", "language")).isEqualTo("es-US");
                assertThat(doc.gatherAction()).contains("lang=es");
            }
        });
    }

    private List<TwimlDoc> queueInSpanish() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("9");
        TwimlDoc queued = call.press("0");
        String waitUrl = queued.attribute("/Response/Enqueue", "waitUrl");
        String action = queued.attribute("/Response/Enqueue", "action");

        List<TwimlDoc> heard = new ArrayList<>(List.of(queued));
        heard.add(call.step(waitUrl, Map.of("QueuePosition", "4", "AvgQueueTime", "400")));
        heard.add(call.step(waitUrl, Map.of("QueuePosition", "1", "AvgQueueTime", "10")));
        for (String result : List.of("bridged", "queue-full", "error")) {
            TwimlDoc after = call.step(action, Map.of("QueueResult", result));
            heard.add(after);
            if (after.redirect() != null) {
                heard.add(call.step(after.redirect(), Map.of()));
            }
        }
        assertThat(heard.get(1).said()).startsWith(es("queue-position").replace("{position}", "4"));
        return heard;
    }

    private List<TwimlDoc> silenceInSpanish() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("9");
        call.press("1");
        List<TwimlDoc> heard = new ArrayList<>(List.of(call.silence(), call.silence(), call.silence()));
        assertThat(heard.get(2).said()).startsWith(es("too-many-tries"));
        return heard;
    }

    private static Set<String> englishScripts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("prompts", "en"))) {
            return files.filter(file -> file.toString().endsWith(".txt"))
                .map(file -> file.getFileName().toString().replace(".txt", ""))
                .filter(id -> !id.equals("spanish-offer") && !id.equals("english-offer"))
                .map(org.helpline.support.Scripts::en)
                .collect(Collectors.toSet());
        }
    }
}
