package org.helpline.sms;

import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import jakarta.inject.Singleton;
import org.helpline.directory.ResourceText;
import org.helpline.flow.Language;
import org.helpline.security.TwilioParams;
import org.helpline.twilio.TwilioApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Texts the resource list to the number a caller is calling from, unless that number has texted STOP to the
 * helpline. The number is used for this one message and kept nowhere; sending happens off the call, so a slow or
 * failing Twilio never holds the caller up.
 */
@Singleton
public class ResourceTexter {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceTexter.class);

    private final TwilioApi twilio;
    private final ResourceText text;
    private final OptOuts optOuts;
    private final NumberHash hash;

    ResourceTexter(TwilioApi twilio, ResourceText text, OptOuts optOuts, NumberHash hash) {
        this.twilio = twilio;
        this.text = text;
        this.optOuts = optOuts;
        this.hash = hash;
    }

    /**
     * Starts sending; false when it cannot even start: no Twilio account, a hidden number, a number that opted out
     * of texts (or the database cannot say whether it did), no list to send. May wait on the database.
     */
    public boolean sendResources(TwilioParams params, Language language) {
        Optional<String> caller = E164.of(params.get("From"));
        Optional<String> helpline = E164.of(params.get("To"));
        if (twilio.client().isEmpty() || caller.isEmpty() || helpline.isEmpty()) {
            return false;
        }
        String callSid = params.callSid().orElse("unknown");
        if (optOuts.optedOut(hash.of(caller.get()))) {
            LOG.debug("Resource text for call {} not sent: opted out, or cannot be checked", callSid);
            return false;
        }
        Optional<String> body = text.list(language);
        if (body.isEmpty()) {
            return false;
        }

        Message.creator(new PhoneNumber(caller.get()), new PhoneNumber(helpline.get()), body.get())
            .createAsync(twilio.client().get())
            .whenComplete((message, error) -> {
                if (error != null) {
                    LOG.warn("Resource text for call {} failed: {}", callSid, error.getClass().getSimpleName());
                } else {
                    LOG.debug("Resource text for call {} accepted by Twilio", callSid);
                }
            });
        return true;
    }
}
