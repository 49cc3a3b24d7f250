package org.helpline.call;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.event.CallEvents;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Twilio brings a new call: the greeting, with the main menu listening from its first word. Answered on the
 * event loop: the greeting is kept in memory and the call's event only joins an in-memory queue.
 */
@Controller("/voice")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class VoiceController {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceController.class);

    private final NodeRenderer renderer;
    private final CallEvents events;

    VoiceController(NodeRenderer renderer, CallEvents events) {
        this.renderer = renderer;
        this.events = events;
    }

    @Post(uri = "/incoming", consumes = MediaType.ALL)
    HttpResponse<byte[]> incoming(HttpRequest<?> request) {
        Call call = Call.of(request);
        Language language = call.state().language();

        LOG.debug("Call {} started", call.sid());
        events.record(call.sid(), "incoming", null, CallFlow.MAIN, language, "call-start", null);
        return Twiml.ok(renderer.greet(call, language));
    }
}
