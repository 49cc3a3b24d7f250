package org.helpline.sms;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A phone number turned into a keyed hash (HMAC-SHA256, 64 hex digits), so the database can recognise a number
 * it was given before without ever holding it. Without the key the hash cannot be tried against the few billion
 * possible numbers. The key is {@code helpline.privacy.number-key}; when that is not set, the Twilio auth token.
 */
@Singleton
class NumberHash {

    private static final Logger LOG = LoggerFactory.getLogger(NumberHash.class);
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    /** What start-up must say about the key, or null when it is a setting of its own. */
    private final String keyWarning;

    NumberHash(@Value("${helpline.privacy.number-key:}") String numberKey,
               @Value("${helpline.twilio.auth-token:}") String authToken) {
        byte[] secret;
        if (!numberKey.isBlank()) {
            secret = numberKey.getBytes(StandardCharsets.UTF_8);
            keyWarning = null;
        } else if (!authToken.isBlank()) {
            secret = authToken.getBytes(StandardCharsets.UTF_8);
            keyWarning = "HELPLINE_NUMBER_KEY is not set, so phone numbers are hashed with the Twilio auth token: if "
                + "that token is changed, the texting opt-outs kept so far stop matching. Set HELPLINE_NUMBER_KEY to a "
                + "lasting secret of its own";
        } else {
            // Only a local trial runs without a token (the signature check is then off and says so at start-up).
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            keyWarning = "Neither HELPLINE_NUMBER_KEY nor TWILIO_AUTH_TOKEN is set: phone numbers are hashed with a "
                + "key made for this run only, so texting opt-outs kept now stop matching at the next start";
        }
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** The hash of a number in E.164 form; the same number always gives the same hash under one key. */
    String of(String number) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256, and any key of one byte or more suits it.
            throw new IllegalStateException("Cannot compute HmacSHA256", e);
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (keyWarning != null) {
            LOG.warn(keyWarning);
        }
    }
}
