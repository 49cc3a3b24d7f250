package org.helpline.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import org.helpline.security.TwilioParams;

import java.util.regex.Pattern;

/**
 * One webhook request of a call: Twilio's parameters, the state its URL carried, and its CallSid, or null when
 * there is none or it is not one: the CallSid goes into log lines and rows, and a forged value (a line break and a
 * phone number, say) must reach neither. Checked once here, since a request asks for it several times.
 */
public record Call(TwilioParams params, CallState state, @Nullable String sid) {

    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{1,64}");

    public static Call of(HttpRequest<?> request) {
        TwilioParams params = TwilioParams.of(request);
        String sid = params.get("CallSid").filter(value -> CALL_SID.matcher(value).matches()).orElse(null);
        return new Call(params, CallState.from(request), sid);
    }
}
