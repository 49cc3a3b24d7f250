package org.helpline.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A text sent to the helpline number, as Twilio's Messaging webhook posts it, and the keyed hash the service should
 * keep of its sender: computed here with the JDK from the documented rule (HMAC-SHA256, hex), not with the
 * service's code, so a test checks the one against the other.
 */
public final class IncomingText {

    public static final String PATH = "/sms/incoming";

    private IncomingText() {
    }

    /** The parameters of a text from {@code from} saying {@code body}; a null body is left out. */
    public static Map<String, String> from(String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        String sid = messageSid();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("SmsMessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", from);
        params.put("FromCity", "CHICAGO");
        params.put("FromState", "IL");
        params.put("FromZip", "60601");
        params.put("To", CallWalk.HELPLINE);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("SmsStatus", "received");
        params.put("ApiVersion", "2010-04-01");
        if (body != null) {
            params.put("Body", body);
        }
        return params;
    }

    /** A MessageSid of Twilio's shape: SM and 32 hex digits. */
    public static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** HMAC-SHA256 of the number under the key, in lower-case hex. */
    public static String hash(String key, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
