package org.helpline.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock playing Twilio's REST API for one account, for a test class whose application is pointed at it: the only
 * part of Twilio the tests stand in for. Stubs and checks are WireMock's own.
 */
public final class TwilioRestApi extends WireMockServer {

    private final String account;

    public TwilioRestApi(String account) {
        super(options().dynamicPort());
        this.account = account;
    }

    /**
     * Starts the stand-in and gives the settings that point the application at it, with {@code more} on top. The
     * queue figures are read once an hour, so a test decides when (see {@code QueueStats.refresh}).
     */
    public Map<String, String> settings(Map<String, String> more) {
        start();
        Map<String, String> settings = new HashMap<>(Map.of(
            "helpline.twilio.account-sid", account,
            "helpline.twilio.api-base-url", baseUrl(),
            "helpline.queue.stats-interval", "1h"));
        settings.putAll(more);
        return settings;
    }

    /** The path of one of the account's resources, {@code Messages.json} say. */
    public String path(String resource) {
        return "/2010-04-01/Accounts/" + account + "/" + resource;
    }

    /** Twilio takes every text it is asked to send. */
    public void acceptTexts() {
        stubFor(post(urlPathEqualTo(path("Messages.json"))).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"sid\": \"SM99999999999999999999999999999999\", \"status\": \"queued\"}")));
    }
}
