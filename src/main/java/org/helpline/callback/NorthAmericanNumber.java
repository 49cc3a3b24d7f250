package org.helpline.callback;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number we can call back: ten digits of the North American Numbering Plan (area code and exchange start with 2
 * to 9 and are not service codes like 911), written in E.164 as +1 and the ten digits.
 */
final class NorthAmericanNumber {

    private static final Pattern TEN_DIGITS = Pattern.compile("[2-9][0-8][0-9][2-9][0-9]{6}");

    private NorthAmericanNumber() {
    }

    /** From ten keyed digits, or from a caller id such as +13125550142. */
    static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String digits = value.startsWith("+1") ? value.substring(2) : value;
        if (!TEN_DIGITS.matcher(digits).matches() || isServiceCode(digits.substring(0, 3))
            || isServiceCode(digits.substring(3, 6))) {
            return Optional.empty();
        }
        return Optional.of("+1" + digits);
    }

    /** The last two digits, spaced so text-to-speech reads "4 2" and not "forty-two". */
    static String lastTwoSpoken(String e164) {
        return e164.charAt(e164.length() - 2) + " " + e164.charAt(e164.length() - 1);
    }

    private static boolean isServiceCode(String three) {
        return three.charAt(1) == '1' && three.charAt(2) == '1';
    }
}
