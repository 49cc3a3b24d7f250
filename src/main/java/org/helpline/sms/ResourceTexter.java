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
import java.util.regex.Pattern;

/**
 * Texts the resource list to the number a caller is calling from. The number is used for this one message and
 * kept nowhere; sending happens off the call, so a slow or failing Twilio never holds the caller up.
 */
@Singleton
public class ResourceTexter {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceTexter.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final TwilioApi twilio;
    private final ResourceText text;

    ResourceTexter(TwilioApi twilio, ResourceText text) {
        this.twilio = twilio;
        this.text = text;
    }

    /** Starts sending; false when it cannot even start (no Twilio account, a hidden number, no list to send). */
    public boolean sendResources(TwilioParams params, Language language) {
        Optional<String> caller = params.get("From").filter(number -> E164.matcher(number).matches());
        Optional<String> helpline = params.get("To").filter(number -> E164.matcher(number).matches());
        if (twilio.client().isEmpty() || caller.isEmpty() || helpline.isEmpty()) {
            return false;
        }
        Optional<String> body = text.list(language);
        if (body.isEmpty()) {
            return false;
        }

        String callSid = params.callSid().orElse("unknown");
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
