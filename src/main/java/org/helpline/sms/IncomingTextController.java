package org.helpline.sms;

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
import org.helpline.call.Twiml;
import org.helpline.security.TwilioParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where Twilio brings a text sent to the helpline number. No one reads these texts: STOP and START change whether
 * the helpline may text the sender, HELP says what the number is, and anything else is told to call. Answered on
 * the event loop: an opt-out is kept in memory and written to the database in the background.
 */
@Controller("/sms")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class IncomingTextController {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingTextController.class);

    private final OptOuts optOuts;
    private final NumberHash hash;
    private final TextReplies replies;
    private final Map<Keyword, Counter> received = new EnumMap<>(Keyword.class);

    IncomingTextController(OptOuts optOuts, NumberHash hash, TextReplies replies, MeterRegistry registry) {
        this.optOuts = optOuts;
        this.hash = hash;
        this.replies = replies;
        for (Keyword keyword : Keyword.values()) {
            received.put(keyword, Counter.builder("helpline.sms.incoming").tag("kind", keyword.label())
                .description("Texts received on the helpline number, by what they asked for").register(registry));
        }
    }

    @Post(uri = "/incoming", consumes = MediaType.ALL)
    HttpResponse<byte[]> incoming(HttpRequest<?> request) {
        TwilioParams params = TwilioParams.of(request);
        Keyword.Match match = Keyword.read(params.get("Body").orElse(null));
        Optional<String> sender = E164.of(params.get("From")).map(hash::of);
        String sid = params.messageSid().orElse("unknown");

        if (match.keyword() == Keyword.STOP || match.keyword() == Keyword.START) {
            changeOptOut(match.keyword(), sender, sid);
        } else {
            LOG.debug("Text {}: {}", sid, match.keyword().label());
        }
        received.get(match.keyword()).increment();

        return Twiml.ok(replies.to(match));
    }

    private void changeOptOut(Keyword keyword, Optional<String> sender, String sid) {
        if (sender.isEmpty()) {
            // Twilio always sends From; without a number there is nothing to record, and the reply still goes.
            LOG.warn("Text {}: {} without a sender's number, nothing recorded", sid, keyword.label());
            return;
        }
        if (keyword == Keyword.STOP) {
            optOuts.optOut(sender.get());
        } else {
            optOuts.optIn(sender.get());
        }
        LOG.info("Text {}: {}, recorded", sid, keyword.label());
    }
}
