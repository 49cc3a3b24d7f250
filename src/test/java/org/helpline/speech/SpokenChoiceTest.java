package org.helpline.speech;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.Scripts;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Callers who say their choice go where the key would take them; unclear or doubtful speech is no choice. */
@MicronautTest
class SpokenChoiceTest {

    private static final String QUEUE = "QUEUE";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MeterRegistry meters;

    private FakeTwilio twilio;

    @BeforeEach
    void client() {
        twilio = new FakeTwilio(http.toBlocking());
    }

    @ParameterizedTest(name = "{0} at {1}: \"{2}\" ({3})")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
        en | main             | Specialist                          | 0.92 | QUEUE
        en | main             | can I talk to a person please       | 0.80 | QUEUE
        en | main             | help                                | 0.70 | QUEUE
        en | main             | one                                 | 0.95 | stage-menu
        en | main             | 1                                   | 0.95 | stage-menu
        en | main             | tell me about naloxone              | 0.81 | overdose
        en | main             | local resources                     | 0.66 | resources-intro
        en | main             | repeat                              | 0.90 | main-menu
        en | main             | Spanish                             | 0.90 | es:welcome
        en | stages           | relapse                             | 0.88 | stage-relapse
        en | stages           | he relapsed last week               | 0.77 | stage-relapse
        en | stages           | she does not want to go             | 0.90 | stage-denial
        en | stages           | main menu                           | 0.90 | main-menu
        en | stage-relapse    | repeat                              | 0.90 | stage-relapse
        en | question-risk    | not sure                            | 0.90 | question-support
        en | question-risk    | no                                  | 0.90 | question-support
        en | main             | purple elephant                     | 0.95 | INVALID
        en | main             | specialist                          | 0.20 | INVALID
        en | main             | specialist                          | NULL | INVALID
        en | main             | specialist                          | high | INVALID
        en | main             | overdose and resources              | 0.90 | INVALID
        en | main             | ''                                  | 0.90 | INVALID
        en | stages           | one                                 | 0.10 | INVALID
        es | main             | especialista                        | 0.90 | QUEUE
        es | main             | necesito ayuda                      | 0.75 | QUEUE
        es | main             | uno                                 | 0.90 | es:stage-menu
        es | main             | Sobredosis                          | 0.90 | es:overdose
        es | main             | repetir                             | 0.90 | es:main-menu
        es | stages           | recaída                             | 0.85 | es:stage-relapse
        es | stages           | RECAIDA                             | 0.85 | es:stage-relapse
        es | stages           | no quiere                           | 0.85 | es:stage-denial
        es | question-risk    | no sé                               | 0.85 | es:question-support
        en | queue-busy       | I'll hold for a specialist          | 0.90 | QUEUE
        es | queue-busy       | espero al especialista              | 0.90 | QUEUE
        en | queue-busy       | have a specialist call me back      | 0.90 | CALLBACK
        es | queue-busy       | que me llame un especialista        | 0.90 | CALLBACK
        en | main             | a person about resources please     | 0.80 | QUEUE
        en | stages           | someone to talk to about recovery   | 0.80 | QUEUE
        es | main             | una persona, no el menu             | 0.80 | QUEUE
        es | main             | cualquier cosa                      | 0.90 | INVALID
        es | main             | especialista                        | 0.30 | INVALID
        """)
    void whenACallerSpeaksThenTheOptionTheyMeantIsChosen(String lang, String node, String speech, String confidence,
                                                         String expected) {
        Map<String, String> params = new HashMap<>(Map.of("CallSid", "CA1", "SpeechResult", speech));
        if (confidence != null) {
            params.put("Confidence", confidence);
        }
        String answers = node.startsWith("question-risk") ? "&ans=1" : "";

        TwimlDoc answer = twilio.post("/voice/menu/" + node + "/key?lang=" + lang + "&miss=0" + answers, params)
            .twiml();

        if (expected.equals(QUEUE)) {
            assertThat(answer.text("/Response/Enqueue")).isEqualTo("specialists");
        } else if (expected.equals("CALLBACK")) {
            assertThat(answer.redirect()).contains("/voice/callback/offer");
        } else if (expected.equals("INVALID")) {
            assertThat(answer.saidInGather().get(0)).isEqualTo(Scripts.of(lang, "invalid-choice"));
        } else {
            String[] parts = expected.split(":");
            String language = parts.length == 2 ? parts[0] : "en";
            assertThat(answer.saidInGather().get(0)).isEqualTo(Scripts.of(language, parts[parts.length - 1]));
        }
    }

    @ParameterizedTest(name = "{0} at {1}: \"{2}\" ({3})")
    @CsvSource(delimiter = '|', textBlock = """
        en | main             | someone is overdosing               | 0.90
        en | main             | he is not breathing                 | 0.90
        en | main             | nine one one                        | 0.90
        en | stages           | my son overdosed and won't wake up  | 0.55
        en | question-risk    | she's not breathing                 | 0.20
        en | resources        | 911                                 | 0.90
        en | stages           | my son is having an overdose        | 0.90
        en | queue-busy       | she won't wake                      | 0.90
        es | question-risk    | mi hijo está teniendo una sobredosis | 0.90
        en | main             | no respira                          | 0.90
        es | facts            | he is not breathing                 | 0.90
        en | resources        | he ODed                             | 0.90
        en | main             | she took too much                   | 0.90
        es | main             | no respira                          | 0.90
        es | main             | nueve uno uno                       | 0.90
        es | question-support | creo que tiene una sobredosis       | 0.60
        """)
    void whenACallerSpeaksOfAnEmergencyInAnyMenuThenHearsToCall911ThenWhatToDoInAnOverdose(
        String lang, String node, String speech, String confidence) {
        Map<String, String> params = Map.of("CallSid", "CA1", "SpeechResult", speech, "Confidence", confidence);
        String answers = node.startsWith("question-") ? "&ans=11" : "";
        double before = emergenciesCounted(lang);

        TwimlDoc answer = twilio.post("/voice/menu/" + node + "/key?lang=" + lang + "&miss=0" + answers, params)
            .twiml();

        assertThat(emergenciesCounted(lang)).isEqualTo(before + 1);
        assertThat(answer.saidInGather()).containsExactly(Scripts.of(lang, "safety"), Scripts.of(lang, "overdose"),
            Scripts.of(lang, "after-overdose"));
        assertThat(answer.saidInGather().get(0)).contains("9 1 1");
        assertThat(answer.gatherAction()).contains("/voice/menu/overdose/key");
    }

    @Test
    void whenAKeyIsPressedAndWordsAreHeardThenTheKeyWins() {
        TwimlDoc answer = twilio.post("/voice/menu/main/key?lang=en&miss=0",
            Map.of("Digits", "3", "SpeechResult", "specialist", "Confidence", "0.99")).twiml();

        assertThat(answer.saidInGather()).startsWith(Scripts.en("overdose"));
    }

    @Test
    void whenAMenuIsSaidThenItListensForKeysAndWordsInTheCallsLanguage() {
        CallWalk call = new CallWalk(twilio);
        TwimlDoc english = call.start();
        TwimlDoc spanish = call.press("9");

        assertThat(english.attribute("/Response/Gather", "input")).isEqualTo("dtmf speech");
        assertThat(english.attribute("/Response/Gather", "language")).isEqualTo("en-US");
        assertThat(english.attribute("/Response/Gather", "hints")).contains("specialist", "overdose", "repeat");
        assertThat(spanish.attribute("/Response/Gather", "language")).isEqualTo("es-US");
        assertThat(spanish.attribute("/Response/Gather", "hints")).contains("especialista", "sobredosis");
    }

    @Test
    void whenThreeUtterancesAreUnclearThenASpecialistTakesOver() {
        CallWalk call = new CallWalk(twilio);
        call.start();
        for (int i = 0; i < 2; i++) {
            TwimlDoc again = call.step(call.current().gatherAction(), Map.of("SpeechResult", "blah", "Confidence",
                "0.9"));
            assertThat(again.saidInGather().get(0)).isEqualTo(Scripts.en("invalid-choice"));
        }

        TwimlDoc third = call.step(call.current().gatherAction(), Map.of("SpeechResult", "blah", "Confidence", "0.9"));

        assertThat(third.text("/Response/Enqueue")).isEqualTo("specialists");
    }

    private double emergenciesCounted(String lang) {
        return meters.get("helpline.speech.emergencies").tag("language", lang).counter().count();
    }
}
