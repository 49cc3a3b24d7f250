package org.helpline.baseline;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/**
 * The cheapest answer a Micronaut webhook can give: one fixed TwiML document, the body neither read nor checked.
 * The helpline's throughput is reported as a fraction of this one's, measured in the same run.
 */
@Controller("/twiml")
class ConstantTwiml {

    private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather action="
        + "\"http://localhost/twiml\" method=\"POST\" numDigits=\"1\"><Say>Press 1.</Say></Gather></Response>";

    @Post(consumes = MediaType.ALL)
    @Produces(MediaType.TEXT_XML)
    String answer() {
        return TWIML;
    }
}
