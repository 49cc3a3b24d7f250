package org.helpline.call;

import com.twilio.twiml.TwiML;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/** Sends TwiML the way Twilio expects it. */
public final class Twiml {

    private Twiml() {
    }

    public static HttpResponse<String> ok(TwiML twiml) {
        return HttpResponse.ok(twiml.toXml()).contentType(MediaType.TEXT_XML_TYPE);
    }
}
