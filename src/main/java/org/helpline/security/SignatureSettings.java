package org.helpline.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether webhook signatures are checked, and with which auth token. */
@Singleton
class SignatureSettings {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureSettings.class);

    private final boolean validate;
    private final String authToken;

    SignatureSettings(@Value("${helpline.twilio.validate-signatures:true}") boolean validate,
                      @Value("${helpline.twilio.auth-token:}") String authToken) {
        this.validate = validate;
        this.authToken = authToken;
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
        } else if (authToken.isBlank()) {
            LOG.warn("TWILIO_AUTH_TOKEN is not set: every webhook request will be refused with 403");
        }
    }
}
