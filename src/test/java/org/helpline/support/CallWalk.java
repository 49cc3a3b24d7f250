package org.helpline.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One call, walked the way Twilio would: it starts at {@code /voice/incoming}, then each step POSTs to the URL the
 * last TwiML named: the Gather's action with the key pressed, or the Redirect after it when the caller is silent.
 */
public final class CallWalk {

    public static final String CALLER = "+13125550142";
    public static final String HELPLINE = "+18332346343";

    private final FakeTwilio twilio;
    private final String callSid;
    private final String caller;
    private TwimlDoc current;

    public CallWalk(FakeTwilio twilio) {
        this(twilio, CALLER);
    }

    /** A call from another number than {@link #CALLER}. */
    public CallWalk(FakeTwilio twilio, String caller) {
        this.twilio = twilio;
        this.callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        this.caller = caller;
    }

    public String callSid() {
        return callSid;
    }

    public TwimlDoc current() {
        return current;
    }

    public TwimlDoc start() {
        return step("/voice/incoming", Map.of());
    }

    /** The caller presses a key (or types several) at the current menu. */
    public TwimlDoc press(String digits) {
        String action = current.gatherAction();
        if (action == null) {
            throw new AssertionError("No <Gather> to press a key in: " + current.xml());
        }
        return step(action, Map.of("Digits", digits));
    }

    /** The Gather times out: Twilio moves on to the Redirect that follows it. */
    public TwimlDoc silence() {
        String redirect = current.redirect();
        if (redirect == null) {
            throw new AssertionError("No <Redirect> after the menu: " + current.xml());
        }
        return step(redirect, Map.of());
    }

    /** A request to a URL the TwiML named, with the parameters Twilio adds for that kind of request. */
    public TwimlDoc step(String url, Map<String, String> extra) {
        current = twilio.post(url, params(extra)).twiml();
        return current;
    }

    public FakeTwilio.Answer raw(String url, Map<String, String> extra) {
        return twilio.post(url, params(extra));
    }

    private Map<String, String> params(Map<String, String> extra) {
        Map<String, String> params = twilioParams(callSid, caller);
        params.putAll(extra);
        return params;
    }

    /** What Twilio sends with every voice webhook of an inbound call to the helpline, in a map to add to. */
    public static Map<String, String> twilioParams(String callSid, String caller) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", caller);
        params.put("Caller", caller);
        params.put("To", HELPLINE);
        params.put("Called", HELPLINE);
        params.put("CallStatus", "in-progress");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
