package org.helpline.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether webhook signatures are checked, and with which auth token. */
@Context
class SignatureSettings {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureSettings.class);

    private final boolean validate;
    private final String authToken;

    SignatureSettings(@Value("${helpline.twilio.validate-signatures:true}") boolean validate,
                      @Value("${helpline.twilio.auth-token:}") String authToken) {
        this.validate = validate;
        this.authToken = authToken;
        if (validate && authToken.isBlank()) {
            // Starting anyway would look healthy while every call, the fallback included, got a 403.
            throw new IllegalStateException("TWILIO_AUTH_TOKEN is not set, so no webhook could be verified. Set it to "
                + "the Twilio account's auth token (or TWILIO_VALIDATE_SIGNATURES=false for a local trial only).");
        }
    }

    boolean validate() {
        return validate;
    }

    String authToken() {
        return authToken;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!validate) {
            LOG.warn("Twilio signature check is OFF (TWILIO_VALIDATE_SIGNATURES=false): anyone can drive the webhooks");
        }
    }
}
