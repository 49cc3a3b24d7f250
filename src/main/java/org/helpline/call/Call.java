package org.helpline.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import org.helpline.security.TwilioParams;

import java.util.regex.Pattern;

/** One webhook request of a call: Twilio's parameters and the state its URL carried. */
public record Call(TwilioParams params, CallState state) {

    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{1,64}");

    public static Call of(HttpRequest<?> request) {
        return new Call(TwilioParams.of(request), CallState.from(request));
    }

    /**
     * Twilio's CallSid, or null when there is none or it is not one: it goes into log lines and rows, and a forged
     * value (a line break and a phone number, say) must reach neither.
     */
    @Nullable
    public String sid() {
        return params.get("CallSid").filter(sid -> CALL_SID.matcher(sid).matches()).orElse(null);
    }
}
