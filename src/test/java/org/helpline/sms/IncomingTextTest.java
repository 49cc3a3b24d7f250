package org.helpline.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.FakeTwilio;
import org.helpline.support.IncomingText;
import org.helpline.support.OptOutRows;
import org.helpline.support.Scripts;
import org.helpline.support.TwilioSigner;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/**
 * Texts to the helpline number, posted as Twilio's Messaging webhook would: what the sender gets back (the TwiML,
 * parsed) and what the database keeps (an opt-out as a keyed hash of the number, never the number).
 */
@MicronautTest(transactional = false)
class IncomingTextTest {

    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100);
    /** The GSM-7 default alphabet (3GPP TS 23.038) bar its escape: text in it goes 153 characters a segment. */
    private static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
        + " !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int TWO_SEGMENTS = 2 * 153;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private FakeTwilio twilio;

    @BeforeEach
    void client() {
        twilio = new FakeTwilio(http.toBlocking());
    }

    @ParameterizedTest(name = "Body={0}")
    @ValueSource(strings = {"STOP", "stop", " Stop \n", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "REVOKE",
        "optout"})
    void whenAStopWordIsTextedThenNothingIsRepliedAndOnlyTheNumbersHashIsKept(String body) {
        String sender = newNumber();

        TwimlDoc reply = text(sender, body);

        assertThat(reply.verbs()).isEmpty();
        String hash = IncomingText.hash(FakeTwilio.AUTH_TOKEN, sender);
        await().atMost(Duration.ofSeconds(5)).until(() -> OptOutRows.read(dataSource).containsKey(hash));
        assertThat(OptOutRows.read(dataSource).keySet()).noneMatch(kept -> kept.contains(sender.substring(2)));
    }

    @ParameterizedTest(name = "Body={0}")
    @ValueSource(strings = {"START", "yes", " Unstop "})
    void whenAStartWordFollowsAStopThenTheReplySaysTextsCanComeAgainAndTheOptOutIsGone(String body) {
        String sender = newNumber();
        String hash = IncomingText.hash(FakeTwilio.AUTH_TOKEN, sender);
        text(sender, "STOP");
        await().atMost(Duration.ofSeconds(5)).until(() -> OptOutRows.read(dataSource).containsKey(hash));

        TwimlDoc reply = text(sender, body);

        assertThat(reply.verbs()).containsExactly("Message");
        assertThat(reply.text("/Response/Message")).isEqualTo(en("text-start"))
            .contains("again", "833-234-6343", "STOP");
        await().atMost(Duration.ofSeconds(5)).until(() -> !OptOutRows.read(dataSource).containsKey(hash));
    }

    @ParameterizedTest(name = "Body={0}")
    @ValueSource(strings = {"HELP", "help", " Info ", "INFO"})
    void whenHelpIsTextedThenTheReplySaysWhatTheNumberIsHowToReachASpecialistAnd911(String body) {
        String sender = newNumber();

        TwimlDoc reply = text(sender, body);

        assertThat(reply.verbs()).containsExactly("Message");
        assertThat(reply.text("/Response/Message")).isEqualTo(en("text-help"))
            .contains("Helpline", "specialist", "call 833-234-6343", "call 911 now", "Reply STOP");
        assertThat(OptOutRows.read(dataSource)).doesNotContainKey(IncomingText.hash(FakeTwilio.AUTH_TOKEN, sender));
    }

    @ParameterizedTest(name = "Body={0}")
    @ValueSource(strings = {"AYUDA", "ayuda", " Ayuda "})
    void whenAyudaIsTextedThenTheReplyIsInSpanish(String body) {
        TwimlDoc reply = text(newNumber(), body);

        assertThat(reply.verbs()).containsExactly("Message");
        assertThat(reply.text("/Response/Message")).isEqualTo(es("text-help"))
            .contains("especialista", "llame al 833-234-6343", "llame al 911 ahora", "Responda STOP");
    }

    @ParameterizedTest(name = "Body={0}")
    @ValueSource(strings = {"hello", "please stop texting me", "STOP!", "help me", "¿ayuda?", "S\u200BTOP", "",
        "   ", "\u0000\u202Estop", "😢 my son", "Call me at +13125550199"})
    void whenAnythingElseIsTextedThenTheReplySaysTextsAreNotReadAndToCall(String body) {
        String sender = newNumber();

        TwimlDoc reply = text(sender, body);

        assertOtherReply(reply);
        assertThat(OptOutRows.read(dataSource)).doesNotContainKey(IncomingText.hash(FakeTwilio.AUTH_TOKEN, sender));
    }

    @Test
    void whenTheBodyIsMissingThenTheReplyIsTheOneForAnyOtherText() {
        assertOtherReply(text(newNumber(), null));
    }

    @Test
    void whenTheBodyIsHugeThenTheReplyIsTheOneForAnyOtherText() {
        assertOtherReply(text(newNumber(), "STOP ".repeat(11_000)));
    }

    @Test
    void whenTheSenderIsMissingThenTheReplyIsStillGiven() {
        Map<String, String> params = IncomingText.from("unused", "hello");
        params.remove("From");

        assertOtherReply(twilio.post(IncomingText.PATH, params).twiml());
    }

    @Test
    void whenAStopComesFromNoUsableNumberThenNothingIsRepliedAndNothingIsKept() {
        Map<String, String> params = IncomingText.from("anonymous", "STOP");

        assertThat(twilio.post(IncomingText.PATH, params).twiml().verbs()).isEmpty();

        await().during(Duration.ofMillis(300)).until(() ->
            !OptOutRows.read(dataSource).containsKey(IncomingText.hash(FakeTwilio.AUTH_TOKEN, "anonymous")));
    }

    @Test
    void whenTheBodyIsNotValidUtf8ThenTheReplyIsTheOneForAnyOtherText() {
        Map<String, String> params = IncomingText.from(newNumber(), null);
        String form = FakeTwilio.form(params) + "&Body=%C3%28%FF";
        // Twilio signs the values as they read once decoded; broken bytes decode to the replacement character.
        Map<String, String> signed = new HashMap<>(params);
        signed.put("Body", new String(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, StandardCharsets.UTF_8));
        String signature = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, FakeTwilio.PUBLIC_BASE + IncomingText.PATH,
            signed);

        FakeTwilio.Answer answer = twilio.send(IncomingText.PATH, form, signature);

        assertOtherReply(answer.twiml());
    }

    @Test
    void whenATextIsNotSignedByTwilioThenItIsRefusedAndNothingIsKept() {
        String sender = newNumber();
        Map<String, String> params = IncomingText.from(sender, "STOP");
        String forged = TwilioSigner.sign("not-our-token", FakeTwilio.PUBLIC_BASE + IncomingText.PATH, params);

        FakeTwilio.Answer answer = twilio.send(IncomingText.PATH, FakeTwilio.form(params), forged);

        assertThat(answer.status()).isEqualTo(403);
        await().during(Duration.ofMillis(300))
            .until(() -> !OptOutRows.read(dataSource).containsKey(IncomingText.hash(FakeTwilio.AUTH_TOKEN, sender)));
    }

    @Test
    void whenTextsArriveThenTheyAreCountedByKindAndNothingElse() {
        Map<String, Double> before = counts();

        text(newNumber(), "HELP");
        text(newNumber(), "ayuda");
        text(newNumber(), "STOP");
        text(newNumber(), "START");
        text(newNumber(), "hi");

        Map<String, Double> after = counts();
        assertThat(after).containsOnlyKeys("stop", "start", "help", "other");
        after.forEach((kind, count) -> assertThat(count - before.get(kind)).as(kind)
            .isEqualTo(kind.equals("help") ? 2.0 : 1.0));
        assertThat(meters.find("helpline.sms.incoming").meters())
            .allSatisfy(meter -> assertThat(meter.getId().getTags()).hasSize(1)
                .allSatisfy(tag -> assertThat(tag.getKey()).isEqualTo("kind")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en/text-help", "es/text-help", "en/text-start", "es/text-start", "en/text-other",
        "es/text-other"})
    void whenAReplyIsSentThenItFitsInTwoSmsSegments(String script) {
        String[] languageAndId = script.split("/");

        String reply = Scripts.of(languageAndId[0], languageAndId[1]);

        // One character outside GSM-7 (an accented a, say) would send it as UCS-2: 67 characters a segment.
        assertThat(reply.chars()).allMatch(c -> GSM_7.indexOf(c) >= 0);
        assertThat(reply).hasSizeLessThanOrEqualTo(TWO_SEGMENTS);
    }

    private TwimlDoc text(String sender, String body) {
        FakeTwilio.Answer answer = twilio.post(IncomingText.PATH, IncomingText.from(sender, body));
        assertThat(answer.contentType()).startsWith("text/xml").containsIgnoringCase("charset=UTF-8");
        return answer.twiml();
    }

    private static void assertOtherReply(TwimlDoc reply) {
        assertThat(reply.verbs()).containsExactly("Message");
        assertThat(reply.text("/Response/Message")).isEqualTo(en("text-other"))
            .contains("not read", "call 833-234-6343", "call 911 now");
    }

    private Map<String, Double> counts() {
        Map<String, Double> counts = new HashMap<>();
        for (Meter meter : meters.find("helpline.sms.incoming").meters()) {
            counts.put(meter.getId().getTag("kind"), ((Counter) meter).count());
        }
        return counts;
    }

    private static String newNumber() {
        return "+1872555" + String.format("%04d", NEXT_NUMBER.getAndIncrement());
    }
}
