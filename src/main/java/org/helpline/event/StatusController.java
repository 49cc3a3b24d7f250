package org.helpline.event;

import com.twilio.twiml.VoiceResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.call.Call;
import org.helpline.call.Twiml;

import java.util.Set;
import java.util.regex.Pattern;

/** Twilio's status callback: records how and when a call ended, and how long it lasted. */
@Controller("/voice/status")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class StatusController {

    private static final Set<String> STATUSES =
        Set.of("queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled");

    /** Twilio ignores the answer to a status callback; the same empty document is written once, not per call. */
    private static final String NOTHING_TO_DO = new VoiceResponse.Builder().build().toXml();

    private static final Pattern DURATION = Pattern.compile("\\d{1,7}");

    private final CallEvents events;

    StatusController(CallEvents events) {
        this.events = events;
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<byte[]> status(HttpRequest<?> request) {
        Call call = Call.of(request);
        String status = call.params().get("CallStatus").filter(STATUSES::contains).orElse("unknown");
        Integer duration = call.params().get("CallDuration").filter(value -> DURATION.matcher(value).matches())
            .map(Integer::valueOf).orElse(null);

        events.record(call.sid(), "status", null, null, call.state().language(), status, duration);
        return Twiml.ok(NOTHING_TO_DO);
    }
}
