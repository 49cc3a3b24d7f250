package org.helpline.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client that keeps cookies and does not follow redirects, so tests see each step of a sign-in as a
 * browser would. (The real-browser test is separate; this one checks the rules behind the pages.)
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    /** The Accept header Chromium and Firefox send when they open a page or submit a form. */
    public static final String PAGES = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final String base;
    private final HttpClient http;
    private final String accept;

    public Browser(String base) {
        this(base, null);
    }

    /** One that sends this Accept header with every request (errors are answered in what it accepts). */
    public Browser(String base, String accept) {
        this(base, accept, HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private Browser(String base, String accept, HttpClient http) {
        this.base = base;
        this.accept = accept;
        this.http = http;
    }

    /** The same browser (its cookies, so its sign-in) sending another Accept header, as a script would. */
    public Browser accepting(String otherAccept) {
        return new Browser(base, otherAccept, http);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The form token a page carries. */
    public static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("No form token on the page: " + page.body());
        }
        return matcher.group(1);
    }

    /** Opens the sign-in page and signs in; returns the answer to the sign-in form. */
    public HttpResponse<String> signIn(String username, String password) {
        String token = csrf(get("/supervisor/login"));
        return post("/supervisor/login", Map.of("_csrf", token, "username", username, "password", password));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
