package org.helpline.advice;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.event.CallEvent;
import org.helpline.event.CallEventRepository;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.Scripts;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The three questions lead to advice that fits: all 4 x 2 x 2 answers, in both languages. */
@MicronautTest
class AdviceTest {

    private static final List<String> STAGES = List.of("new", "denial", "recovery", "relapse");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CallEventRepository events;

    static Stream<Arguments> answers() {
        List<Arguments> all = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (int stage = 1; stage <= 4; stage++) {
                for (int risk = 1; risk <= 2; risk++) {
                    for (int support = 1; support <= 2; support++) {
                        all.add(Arguments.of(language, stage, risk, support));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: stage {1}, risk {2}, support {3}")
    @MethodSource("answers")
    void whenTheThreeQuestionsAreAnsweredThenTheAdviceHasExactlyTheFittingPieces(String language, int stage,
                                                                                 int risk, int support) {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        if (language.equals("es")) {
            call.press("9");
        }
        call.press("2");
        call.press(String.valueOf(stage));
        call.press(String.valueOf(risk));

        TwimlDoc advice = call.press(String.valueOf(support));

        List<String> expected = new ArrayList<>();
        expected.add(Scripts.of(language, "advice-intro"));
        expected.add(Scripts.of(language, "advice-stage-" + STAGES.get(stage - 1)));
        // After a relapse the overdose advice is given even when the caller sees no risk.
        if (risk == 1 || STAGES.get(stage - 1).equals("relapse")) {
            expected.add(Scripts.of(language, "advice-risk"));
        }
        expected.add(Scripts.of(language, support == 1 ? "advice-support-kept" : "advice-support"));
        expected.add(Scripts.of(language, "after-advice"));
        assertThat(advice.saidInGather()).containsExactlyElementsOf(expected);

        List<String> sentences = advice.saidInGather().stream()
            .flatMap(text -> Arrays.stream(text.split("(?<=[.!?])\\s+")))
            .filter(sentence -> !sentence.startsWith("Para ") && !sentence.startsWith("To "))
            .toList();
        assertThat(sentences).doesNotHaveDuplicates();
    }

    @Test
    void whenTheQuestionsAreAnsweredThenTheAnswersAreKeptWithTheCallsEvents() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("2");
        call.press("3");
        call.press("2");
        call.press("1");

        List<CallEvent> recorded = await().atMost(Duration.ofSeconds(5))
            .until(() -> events.findByCallSidOrderByOccurredAt(call.callSid()), list -> list.size() == 5);

        assertThat(recorded).extracting(CallEvent::node, CallEvent::choice).containsSubsequence(
            org.assertj.core.groups.Tuple.tuple("question-stage", "3"),
            org.assertj.core.groups.Tuple.tuple("question-risk", "2"),
            org.assertj.core.groups.Tuple.tuple("question-support", "1"));
        assertThat(recorded.get(4).nextNode()).isEqualTo("advice");
    }

    @Test
    void whenAnAnswerIsMissingThenTheAdviceErrsOnTheSafeSide() {
        assertThat(AdviceRules.compose("")).containsExactly("advice-intro", "advice-risk", "advice-support");
        assertThat(AdviceRules.compose("2")).containsExactly("advice-intro", "advice-stage-denial", "advice-risk",
            "advice-support");
    }
}
