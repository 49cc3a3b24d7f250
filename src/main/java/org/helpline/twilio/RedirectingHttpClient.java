package org.helpline.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URL;

/**
 * Sends the SDK's requests to another base URL than Twilio's (a WireMock server in tests, a regional proxy in
 * production), keeping path, query, form, headers and credentials as the SDK built them.
 */
final class RedirectingHttpClient extends HttpClient {

    private final NetworkHttpClient network;
    private final String base;

    RedirectingHttpClient(NetworkHttpClient network, String base) {
        this.network = network;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public Response makeRequest(Request original) {
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
