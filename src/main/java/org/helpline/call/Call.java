package org.helpline.call;

import io.micronaut.http.HttpRequest;
import org.helpline.security.TwilioParams;

/** One webhook request of a call: Twilio's parameters and the state its URL carried. */
public record Call(TwilioParams params, CallState state) {

    public static Call of(HttpRequest<?> request) {
        return new Call(TwilioParams.of(request), CallState.from(request));
    }

    public String sid() {
        return params.get("CallSid").orElse(null);
    }
}
