package org.helpline.call;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/** Walks calls through the menus the way Twilio would, following the URLs each answer names. */
@MicronautTest
class CallWalkTest {

    @Inject
    @Client("/")
    HttpClient http;

    private CallWalk call;

    @BeforeEach
    void newCall() {
        call = new CallWalk(new FakeTwilio(http.toBlocking()));
    }

    @Test
    void whenCallStartsThenSafetyComesFirstAndTheMenuListensThroughout() {
        TwimlDoc greeting = call.start();

        assertThat(greeting.verbs()).containsExactly("Gather", "Redirect");
        assertThat(greeting.saidInGather()).containsExactly(
            en("welcome"), en("safety"), es("spanish-offer"), en("main-menu"));
        assertThat(greeting.saidInGather().get(0)).contains("free and confidential");
        assertThat(greeting.saidInGather().get(1)).contains("9 1 1").contains("naloxone");
        assertThat(greeting.attribute("/Response/Gather/Say[3]", "language")).isEqualTo("es-US");
        assertThat(greeting.attribute("/Response/Gather/Say[1]", "language")).isEqualTo("en-US");
        assertThat(greeting.attribute("/Response/Gather", "numDigits")).isEqualTo("1");
        assertThat(greeting.gatherAction()).startsWith(FakeTwilio.PUBLIC_BASE + "/voice/menu/main/key");
        assertThat(greeting.redirect()).isEqualTo(greeting.gatherAction());
    }

    @Test
    void whenCallStartsThenTheSafetyLineEndsWithinFifteenSeconds() {
        TwimlDoc greeting = call.start();

        // At an unhurried 150 words a minute (2.5 words a second), welcome and safety must fit in 15 seconds.
        String beforeSafetyEnds = greeting.saidInGather().get(0) + " " + greeting.saidInGather().get(1);
        int words = beforeSafetyEnds.split("\\s+").length;
        assertThat(words / 2.5).isLessThanOrEqualTo(15.0);
    }

    @ParameterizedTest
    @CsvSource({"1, stage-new", "2, stage-denial", "3, stage-recovery", "4, stage-relapse"})
    void whenCallerChoosesAStageThenHearsItsGuidanceAndStarReturnsToMainMenu(String key, String stage) {
        call.start();
        assertThat(call.press("1").saidInGather()).containsExactly(en("stage-menu"));

        TwimlDoc guidance = call.press(key);
        assertThat(guidance.saidInGather()).containsExactly(en(stage), en("after-stage"));

        assertThat(call.press("1").saidInGather()).containsExactly(en(stage), en("after-stage"));
        assertThat(call.press("*").saidInGather()).containsExactly(en("main-menu"));
    }

    @Test
    void whenCallerAsksForStageGuidanceThenKeyTwoLeadsToLocalResources() {
        call.start();
        call.press("1");
        call.press("4");

        TwimlDoc resources = call.press("2");

        assertThat(resources.saidInGather()).startsWith(en("resources-intro")).endsWith(en("after-resources"));
        assertThat(resources.allSaid()).contains("Families Anonymous", "Nar-Anon");
    }

    @Test
    void whenCallerChoosesOverdoseThenHearsItAndKeyTwoReadsTheTraining() {
        call.start();

        TwimlDoc overdose = call.press("3");
        assertThat(overdose.saidInGather()).containsExactly(en("overdose"), en("after-overdose"));
        assertThat(overdose.allSaid()).contains("naloxone", "Fentanyl");

        TwimlDoc training = call.press("2");
        assertThat(training.saidInGather()).containsExactly(en("training-intro"), en("resources-training"),
            "Chicago Recovery Alliance Free Online Trainings.", en("after-training"));

        assertThat(call.press("2").saidInGather()).startsWith(en("resources-intro"));
    }

    @Test
    void whenCallerChoosesTheFactsThenHearsThemAndKeyTwoOffersTheStages() {
        call.start();

        TwimlDoc facts = call.press("5");
        assertThat(facts.saidInGather()).containsExactly(en("facts"), en("after-facts"));
        assertThat(facts.allSaid()).contains("Opioid Use Disorder", "Medication-Assisted Recovery");

        assertThat(call.press("2").saidInGather()).containsExactly(en("stage-menu"));
    }

    @Test
    void whenCallerChoosesResourcesThenEachCategoryIsReadWithItsResources() {
        call.start();

        TwimlDoc resources = call.press("4");

        assertThat(resources.saidInGather()).containsExactly(
            en("resources-intro"),
            en("resources-support"), "Families Anonymous.", "Nar-Anon.",
            en("resources-helpline"), "The Helpline.",
            en("resource-phone").replace("{phone}", "8 3 3, 2 3 4, 6 3 4 3"),
            en("resources-transport"), "Non-Emergency Medical Transportation.",
            en("resources-training"), "Chicago Recovery Alliance Free Online Trainings.",
            en("after-resources"));
        assertThat(call.press("*").saidInGather()).containsExactly(en("main-menu"));
    }

    @Test
    void whenNoTwilioAccountIsSetThenAskingForTheListByTextSaysItCannotBeSent() {
        call.start();
        call.press("4");

        TwimlDoc texted = call.press("2");

        assertThat(texted.saidInGather()).containsExactly(en("sms-unavailable"), en("main-menu"));
        assertThat(call.press("0").has("/Response/Enqueue")).isTrue();
    }

    @Test
    void whenCallerPressesAMainMenuKeyAfterTheListIsTextedThenItWorksAsAtTheMainMenu() {
        Map<String, List<String>> heard = new LinkedHashMap<>();
        for (String key : List.of("1", "2", "3", "5", "9", "*")) {
            call.start();
            call.press("4");
            call.press("2");
            heard.put(key, call.press(key).saidInGather());
        }

        assertThat(heard).containsExactly(
            Map.entry("1", List.of(en("stage-menu"))),
            Map.entry("2", List.of(en("question-stage"))),
            Map.entry("3", List.of(en("overdose"), en("after-overdose"))),
            Map.entry("5", List.of(en("facts"), en("after-facts"))),
            Map.entry("9", List.of(es("welcome"), es("safety"), en("english-offer"), es("main-menu"))),
            Map.entry("*", List.of(en("main-menu"))));
    }

    @Test
    void whenCallerStarsAtTheMainMenuThenHearsItAgain() {
        call.start();

        TwimlDoc again = call.press("*");

        assertThat(again.saidInGather()).containsExactly(en("main-menu"));
        assertThat(again.gatherAction()).contains("/voice/menu/main/key");
    }

    @Test
    void whenCallerPressesNineThenTheWholeCallContinuesInSpanish() {
        call.start();

        TwimlDoc spanish = call.press("9");

        assertThat(spanish.saidInGather()).containsExactly(es("welcome"), es("safety"), en("english-offer"),
            es("main-menu"));
        // All in Spanish but the way back, which is said in English for a caller who pressed 9 by mistake.
        assertThat(spanish.elements("//Say")).allSatisfy(say -> assertThat(say.getAttribute("language"))
            .isEqualTo(say.getTextContent().equals(en("english-offer")) ? "en-US" : "es-US"));
        assertThat(spanish.gatherAction()).contains("lang=es");
        assertThat(call.press("1").saidInGather()).containsExactly(es("stage-menu"));
    }

    @Test
    void whenCallerAnswersTheThreeQuestionsThenHearsAdviceForThoseAnswers() {
        call.start();
        assertThat(call.press("2").saidInGather()).containsExactly(en("question-stage"));
        assertThat(call.press("4").saidInGather()).containsExactly(en("question-risk"));
        assertThat(call.press("1").saidInGather()).containsExactly(en("question-support"));

        TwimlDoc advice = call.press("2");

        assertThat(advice.saidInGather()).containsExactly(en("advice-intro"), en("advice-stage-relapse"),
            en("advice-risk"), en("advice-support"), en("after-advice"));
        assertThat(call.press("1").saidInGather()).isEqualTo(advice.saidInGather());
    }

    @Test
    void whenCallerPressesStarInTheQuestionsThenGoesBackOneQuestion() {
        call.start();
        call.press("2");
        call.press("3");
        call.press("2");

        assertThat(call.press("*").saidInGather()).containsExactly(en("question-risk"));
        assertThat(call.press("*").saidInGather()).containsExactly(en("question-stage"));
        assertThat(call.press("*").saidInGather()).containsExactly(en("main-menu"));
    }

    @Test
    void whenCallerIsSilentThreeTimesThenASpecialistTakesOver() {
        call.start();

        TwimlDoc first = call.silence();
        assertThat(first.saidInGather()).containsExactly(en("no-input"), en("main-menu"));
        TwimlDoc second = call.silence();
        assertThat(second.saidInGather()).containsExactly(en("no-input"), en("main-menu"));

        TwimlDoc third = call.silence();
        assertThat(third.has("/Response/Gather")).isFalse();
        assertThat(third.saidOutsideGather()).containsExactly(en("too-many-tries"), en("queue-connecting"));
        assertThat(third.text("/Response/Enqueue")).isEqualTo("specialists");
    }

    @Test
    void whenCallerPressesThreeWrongKeysThenASpecialistTakesOver() {
        call.start();
        call.press("1");

        assertThat(call.press("7").saidInGather()).containsExactly(en("invalid-choice"), en("stage-menu"));
        assertThat(call.press("#").saidInGather()).containsExactly(en("invalid-choice"), en("stage-menu"));
        TwimlDoc third = call.press("9");

        assertThat(third.saidOutsideGather()).containsExactly(en("too-many-tries"), en("queue-connecting"));
        assertThat(third.has("/Response/Enqueue")).isTrue();
    }

    @Test
    void whenCallerChoosesAfterAMissThenTheCountStartsAgain() {
        call.start();
        call.silence();
        call.press("8");
        call.press("1");

        call.silence();
        TwimlDoc second = call.press("8");

        assertThat(second.saidInGather()).containsExactly(en("invalid-choice"), en("stage-menu"));
    }

    @Test
    void whenMenusAreWalkedThenEveryUrlNamedPointsBackAtThisService() {
        call.start();
        for (String key : List.of("1", "2", "2", "*", "3", "2", "1", "*", "5", "1", "*", "4", "1")) {
            TwimlDoc step = call.press(key);
            assertThat(step.gatherAction()).startsWith(FakeTwilio.PUBLIC_BASE + "/voice/menu/");
            assertThat(step.redirect()).isEqualTo(step.gatherAction());
        }
    }

    @Test
    void whenASecondCallTakesTheSamePathThenItHearsExactlyWhatTheFirstHeard() {
        // Menus that depend only on the call's state are kept after the first call: the kept copy must not differ.
        CallWalk second = new CallWalk(new FakeTwilio(http.toBlocking()));
        List<String> keys = List.of("1", "4", "7", "1", "*", "2", "3", "1", "2");

        List<String> first = new java.util.ArrayList<>(List.of(call.start().xml()));
        List<String> again = new java.util.ArrayList<>(List.of(second.start().xml()));
        for (String key : keys) {
            first.add(call.press(key).xml());
            again.add(second.press(key).xml());
        }
        first.add(call.silence().xml());
        again.add(second.silence().xml());

        assertThat(again).containsExactlyElementsOf(first);
        assertThat(again.get(again.size() - 1)).contains("miss=1").contains("ans=3");
    }
}
