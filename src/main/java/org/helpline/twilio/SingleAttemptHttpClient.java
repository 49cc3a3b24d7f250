package org.helpline.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URL;

/**
 * The SDK's HTTP client, made to try each request once (our callers retry on their own schedule, so the SDK's
 * own retries would multiply theirs) and, when a base URL is set, to send requests there instead of to Twilio: a
 * WireMock server in tests. Path, query, form, headers and credentials stay as the SDK built them.
 */
final class SingleAttemptHttpClient extends HttpClient {

    private final NetworkHttpClient network;
    private final String base;

    SingleAttemptHttpClient(NetworkHttpClient network, String base) {
        this.network = network;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request original) {
        if (base.isEmpty()) {
            return network.makeRequest(original);
        }
        URL url = original.constructURL();
        Request moved = new Request(original.getMethod(), base + url.getPath());
        original.getQueryParams().forEach((name, values) -> values.forEach(value -> moved.addQueryParam(name, value)));
        original.getPostParams().forEach((name, values) -> values.forEach(value -> moved.addPostParam(name, value)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(v -> moved.addHeaderParam(name, v)));
        if (original.getAuthStrategy() != null) {
            moved.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            moved.setAuth(original.getUsername(), original.getPassword());
        }
        moved.setContentType(original.getContentType());
        return network.makeRequest(moved);
    }
}
