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
 * helpline, at most once per call and a few times per number an hour ({@link ListTextLimits}). The number is used
 * for this one message and kept nowhere (only its hash, for the hour); sending happens off the call, so a slow or
 * failing Twilio never holds the caller up.
 */
@Singleton
public class ResourceTexter {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceTexter.class);

    private final TwilioApi twilio;
    private final ResourceText text;
    private final OptOuts optOuts;
    private final NumberHash hash;
    private final ListTextLimits limits;

    /** What became of a request for the list by text. */
    public enum Result {
        /** Handed to Twilio. */
        SENDING,
        /** Sent earlier on this same call, so not sent again. */
        ALREADY_SENT,
        /** Not sent, for a reason the caller is not told (it could tell a stranger about the number's owner). */
        NOT_SENT
    }

    ResourceTexter(TwilioApi twilio, ResourceText text, OptOuts optOuts, NumberHash hash, ListTextLimits limits) {
        this.twilio = twilio;
        this.text = text;
        this.optOuts = optOuts;
        this.hash = hash;
        this.limits = limits;
    }

    /**
     * Starts sending, unless the list was already sent on this call. NOT_SENT when it cannot even start: no Twilio
     * account, no CallSid (the once-per-call limit needs one), a hidden number, a number that opted out of texts (or
     * the database cannot say whether it did), a number already texted as often as the limit allows, no list to send.
     * May wait on the database.
     */
    public Result sendResources(TwilioParams params, Language language) {
        Optional<String> callSid = params.callSid();
        Optional<String> caller = E164.of(params.get("From"));
        Optional<String> helpline = E164.of(params.get("To"));
        if (twilio.client().isEmpty() || callSid.isEmpty() || caller.isEmpty() || helpline.isEmpty()) {
            return Result.NOT_SENT;
        }
        // Before the opt-out check, so a repeated request never waits on the database.
        if (limits.textedOnCall(callSid.get())) {
            LOG.debug("Resource text for call {} not sent again: already sent on this call", callSid.get());
            return Result.ALREADY_SENT;
        }
        String numberHash = hash.of(caller.get());
        if (optOuts.optedOut(numberHash)) {
            LOG.debug("Resource text for call {} not sent: opted out, or cannot be checked", callSid.get());
            return Result.NOT_SENT;
        }
        Optional<String> body = text.list(language);
        if (body.isEmpty()) {
            return Result.NOT_SENT;
        }
        ListTextLimits.Verdict verdict = limits.take(callSid.get(), numberHash);
        if (verdict == ListTextLimits.Verdict.ALREADY_SENT) {
            return Result.ALREADY_SENT;
        }
        if (verdict == ListTextLimits.Verdict.NUMBER_AT_LIMIT) {
            // An operator may want to know someone is asking for texts to one number over and over; never which.
            LOG.info("Resource text for call {} not sent: its number had the most texts allowed in the window",
                callSid.get());
            return Result.NOT_SENT;
        }

        send(callSid.get(), caller.get(), helpline.get(), body.get());
        return Result.SENDING;
    }

    private void send(String callSid, String caller, String helpline, String body) {
        Message.creator(new PhoneNumber(caller), new PhoneNumber(helpline), body)
            .createAsync(twilio.client().get())
            .whenComplete((message, error) -> {
                if (error != null) {
                    LOG.warn("Resource text for call {} failed: {}", callSid, error.getClass().getSimpleName());
                } else {
                    LOG.debug("Resource text for call {} accepted by Twilio", callSid);
                }
            });
    }
}
