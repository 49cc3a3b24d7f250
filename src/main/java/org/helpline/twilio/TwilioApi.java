package org.helpline.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.Optional;

/**
 * Twilio's REST API client, when an account is configured; without one, outbound work (texts, ringing
 * specialists) is simply unavailable. Every request has a timeout, so a slow Twilio never holds a thread for long.
 */
@Singleton
public class TwilioApi {

    private final TwilioRestClient client;

    TwilioApi(@Value("${helpline.twilio.account-sid:}") String accountSid,
              @Value("${helpline.twilio.auth-token:}") String authToken,
              @Value("${helpline.twilio.api-base-url:}") String apiBaseUrl,
              @Value("${helpline.twilio.api-timeout:3s}") Duration timeout) {
        if (accountSid.isBlank() || authToken.isBlank()) {
            this.client = null;
            return;
        }
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        // Apache's own retries are off for the same reason as the SDK's: the caller owns the retry schedule.
        NetworkHttpClient network = new NetworkHttpClient(HttpClientBuilder.create()
            .setDefaultRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).build())
                .build())
            .disableAutomaticRetries());
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(accountSid, authToken);
        builder.httpClient(new SingleAttemptHttpClient(network, apiBaseUrl));
        this.client = builder.build();
    }

    public Optional<TwilioRestClient> client() {
        return Optional.ofNullable(client);
    }
}
