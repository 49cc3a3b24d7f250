package org.helpline.twilio;

import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Twilio's REST API client, when an account is configured; without one, outbound work is simply unavailable. */
@Singleton
public class TwilioApi {

    private final TwilioRestClient client;

    TwilioApi(@Value("${helpline.twilio.account-sid:}") String accountSid,
              @Value("${helpline.twilio.auth-token:}") String authToken) {
        this.client = accountSid.isBlank() || authToken.isBlank()
            ? null
            : new TwilioRestClient.Builder(accountSid, authToken).build();
    }

    public Optional<TwilioRestClient> client() {
        return Optional.ofNullable(client);
    }
}
