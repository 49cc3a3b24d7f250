package org.helpline.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import org.helpline.security.TwilioParams;

/**
 * One webhook request of a call: Twilio's parameters, the state its URL carried, and its CallSid (null when there is
 * none of Twilio's shape; see {@link TwilioParams#callSid()}), checked once here since a request asks for it often.
 */
public record Call(TwilioParams params, CallState state, @Nullable String sid) {

    public static Call of(HttpRequest<?> request) {
        TwilioParams params = TwilioParams.of(request);
        return new Call(params, CallState.from(request), params.callSid().orElse(null));
    }
}
