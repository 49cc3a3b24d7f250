package org.helpline.call;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.prompt.Speech;
import org.helpline.security.LoggedPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A Twilio request, signed, for a webhook this service does not have: a Voice URL typed wrong in Twilio's console,
 * or a step of a call that began on an older version of the service. Twilio would tell the caller "an application
 * error has occurred" and hang up; instead the caller hears a short sorry and the main menu, and a text gets no
 * reply. The routes of real webhooks are more specific, so the router only comes here when none of them matches.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class LostStep {

    private static final Logger LOG = LoggerFactory.getLogger(LostStep.class);
    private static final String NO_REPLY = new MessagingResponse.Builder().build().toXml();

    private final Speech speech;
    private final PublicUrls urls;
    private final Counter lost;

    LostStep(Speech speech, PublicUrls urls, MeterRegistry meters) {
        this.speech = speech;
        this.urls = urls;
        this.lost = Counter.builder("helpline.webhooks.unknown")
            .description("Signed Twilio requests for a webhook this service does not have").register(meters);
    }

    // The bare prefix too (with or without its slash): a Voice URL of ".../voice/" is the likeliest slip.
    @Post(uris = {"/voice", "/voice/{+path}"}, consumes = MediaType.ALL)
    HttpResponse<byte[]> voice(HttpRequest<?> request) {
        noted(request);
        Language language = Call.of(request).state().language();
        VoiceResponse answer = Twiml.sayThenRedirect(List.of(speech.prompt(language, "lost-step")),
            urls.voice("menu/" + CallFlow.MAIN, language));
        return Twiml.ok(answer);
    }

    @Post(uris = {"/sms", "/sms/{+path}"}, consumes = MediaType.ALL)
    HttpResponse<byte[]> text(HttpRequest<?> request) {
        noted(request);
        return Twiml.ok(NO_REPLY);
    }

    private void noted(HttpRequest<?> request) {
        lost.increment();
        LOG.warn("No webhook at {}: check the URLs set in Twilio's console", LoggedPath.of(request.getPath()));
    }
}
