package org.helpline.call;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.helpline.flow.Language;

import java.net.URI;

/** Absolute URLs as Twilio sees this service: every URL in our TwiML starts with {@code PUBLIC_BASE_URL}. */
@Singleton
public class PublicUrls {

    private final String base;

    public PublicUrls(@Value("${helpline.public-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String base() {
        return base;
    }

    /** A webhook of ours, with the call's state in its query. */
    public String voice(String path, CallState state) {
        return base + "/voice/" + path + "?" + state.query();
    }

    /** A webhook of ours that needs only the call's language. */
    public String voice(String path, Language language) {
        return base + "/voice/" + path + "?lang=" + language.code();
    }

    public String prompt(Language language, String file) {
        return base + "/prompts/" + language.code() + "/" + file;
    }

    /** The URL Twilio signed for a request that reached us as {@code uri}, whatever host and scheme it came in on. */
    public String asTwilioRequested(URI uri) {
        String query = uri.getRawQuery();
        return base + uri.getRawPath() + (query == null ? "" : "?" + query);
    }
}
