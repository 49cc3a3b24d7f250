package org.helpline.security;

/**
 * Twilio's webhooks, as the filters' regular expressions: the signature check runs on exactly these paths, and
 * the filters that serve supervisors (sign-in, views) on every other one, so no path escapes both. Repeated
 * leading slashes count, since the router treats {@code //voice} as {@code /voice}.
 */
public final class WebhookPaths {

    /** {@code /voice/**} and {@code /sms/**}. */
    public static final String ONLY = "/+(voice|sms)(/.*)?";
    /** Every path but those. */
    public static final String NONE = "(?!/+(voice|sms)(/|$)).*";

    private WebhookPaths() {
    }
}
