package org.helpline.sms;

import java.util.Optional;
import java.util.regex.Pattern;

/** A phone number as Twilio writes it: a plus and 8 to 15 digits. Anything else is not a number we text or hash. */
final class E164 {

    private static final Pattern SHAPE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private E164() {
    }

    static Optional<String> of(Optional<String> value) {
        return value.filter(number -> SHAPE.matcher(number).matches());
    }
}
