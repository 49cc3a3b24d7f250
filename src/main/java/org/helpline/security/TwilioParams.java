package org.helpline.security;

import io.micronaut.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form parameters of one Twilio webhook, parsed once by {@link TwilioSignatureFilter}. Holds the caller's
 * number among them, so it must never be logged or turned into a string.
 */
public final class TwilioParams {

    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** Twilio's MessageSid: SM (a text) or MM (a picture message), then 32 hex digits. */
    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-f]{32}");

    static final String ATTRIBUTE = "helpline.twilio-params";
    private static final TwilioParams NONE = new TwilioParams(Map.of());

    private final Map<String, String> values;

    /** Takes {@code values} as they are: every caller hands over a map that nothing else holds. */
    private TwilioParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses a form-encoded body; nothing when it is not one (a broken escape such as {@code %zz}). */
    static Optional<TwilioParams> parse(String body) {
        if (body == null || body.isEmpty()) {
            return Optional.of(NONE);
        }
        try {
            Map<String, List<String>> decoded = new QueryStringDecoder(body, StandardCharsets.UTF_8, false)
                .parameters();
            // Sized for every name at once, and wrapped rather than copied: this runs on every webhook.
            Map<String, String> first = new HashMap<>(decoded.size() * 4 / 3 + 1);
            decoded.forEach((name, list) -> first.put(name, list.isEmpty() ? "" : list.get(0)));
            return Optional.of(new TwilioParams(first));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The parameters the filter attached to this request, or none. */
    public static TwilioParams of(HttpRequest<?> request) {
        // Read as it was stored: asking for a type would send it through the conversion service on every call.
        return request.getAttribute(ATTRIBUTE).orElse(null) instanceof TwilioParams params ? params : NONE;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * Twilio's CallSid, when there is one of its shape: it goes into log lines and rows, and a forged value (a line
     * break and a phone number, say) must reach neither.
     */
    public Optional<String> callSid() {
        return get("CallSid").filter(sid -> CALL_SID.matcher(sid).matches());
    }

    /** Twilio's MessageSid of an incoming text, when it has Twilio's shape: like the CallSid, it goes into logs. */
    public Optional<String> messageSid() {
        return get("MessageSid").filter(sid -> MESSAGE_SID.matcher(sid).matches());
    }

    Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "TwilioParams" + values.keySet();
    }
}
