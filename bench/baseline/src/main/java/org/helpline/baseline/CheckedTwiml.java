package org.helpline.baseline;

import com.twilio.security.RequestValidator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor under any webhook of this stack: what every Twilio request must cost before a call flow does anything.
 * It reads the form, checks Twilio's signature with the SDK's validator (as the project's rules require), and then
 * answers the same fixed TwiML as {@link ConstantTwiml}. No call state, no events, no database.
 */
@Controller("/checked")
class CheckedTwiml {

    private static final String SIGNED_URL = "https://helpline.example.org/checked";
    private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather action="
        + "\"http://localhost/checked\" method=\"POST\" numDigits=\"1\"><Say>Press 1.</Say></Gather></Response>";

    private final RequestValidator validator =
        new RequestValidator(System.getenv().getOrDefault("TWILIO_AUTH_TOKEN", "bench-auth-token"));

    @Post(consumes = MediaType.ALL)
    @Produces(MediaType.TEXT_XML)
    HttpResponse<String> answer(@Body String body, @Header("X-Twilio-Signature") @Nullable String signature) {
        Map<String, List<String>> decoded = new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters();
        Map<String, String> params = new HashMap<>(decoded.size() * 4 / 3 + 1);
        decoded.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));

        if (signature == null || !validator.validate(SIGNED_URL, params, signature)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        return HttpResponse.ok(TWIML);
    }
}
