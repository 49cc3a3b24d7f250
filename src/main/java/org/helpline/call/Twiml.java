package org.helpline.call;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Redirect;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.helpline.prompt.Utterance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Sends TwiML the way Twilio expects it, and the few shapes of it every feature uses. */
public final class Twiml {

    private Twiml() {
    }

    /** How every TwiML answer is labelled: the documents declare UTF-8, and so does the header. */
    private static final MediaType TWIML = new MediaType(MediaType.TEXT_XML, Map.of("charset", "UTF-8"));

    public static HttpResponse<byte[]> ok(TwiML twiml) {
        return ok(twiml.toXml());
    }

    /**
     * A TwiML document already written out, such as a menu kept from an earlier call. Handed over as bytes: given
     * a String, the server encodes it one character at a time through {@code CharSequence.charAt}, which the
     * load benchmark's profile found to be a quarter of the request thread's time; {@code getBytes} copies a
     * document of plain letters in one go.
     */
    public static HttpResponse<byte[]> ok(String twimlXml) {
        return HttpResponse.ok(twimlXml.getBytes(StandardCharsets.UTF_8)).contentType(TWIML);
    }

    /** A POST to one of our webhooks. */
    public static Redirect redirectTo(String url) {
        return new Redirect.Builder(url).method(HttpMethod.POST).build();
    }

    /** Says a few words, then moves the call on to {@code url}. */
    public static VoiceResponse sayThenRedirect(List<Utterance> said, String url) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        said.forEach(utterance -> utterance.addTo(response));
        return response.redirect(redirectTo(url)).build();
    }

    /**
     * A menu: the Gather, then a Redirect to the same action. When the caller gives no input Twilio follows the
     * Redirect, which arrives without {@code Digits}: that is how silence is told apart from a choice.
     */
    public static VoiceResponse menu(Gather.Builder gather, String action) {
        return new VoiceResponse.Builder().gather(gather.build()).redirect(redirectTo(action)).build();
    }
}
