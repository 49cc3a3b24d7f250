package org.helpline.callback;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A number we can call back: ten digits of the North American Numbering Plan (area code and exchange start with 2
 * to 9 and are not service codes like 911), in the United States or Canada: not the Caribbean countries that share
 * +1, and not premium-rate 900 and 976 numbers, which would cost the helpline. Written in E.164 as +1 and ten digits.
 */
final class NorthAmericanNumber {

    private static final Pattern TEN_DIGITS = Pattern.compile("[2-9][0-8][0-9][2-9][0-9]{6}");
    /** Area codes of +1 countries other than the United States and Canada, and premium-rate codes. */
    private static final Set<String> NOT_CALLABLE = Set.of("242", "246", "264", "268", "284", "345", "441", "473",
        "649", "658", "664", "721", "758", "767", "784", "809", "829", "849", "868", "869", "876", "900", "976");

    private NorthAmericanNumber() {
    }

    /** From ten keyed digits, or from a caller id such as +13125550142. */
    static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String digits = value.startsWith("+1") ? value.substring(2) : value;
        if (!TEN_DIGITS.matcher(digits).matches() || isServiceCode(digits.substring(0, 3))
            || isServiceCode(digits.substring(3, 6)) || NOT_CALLABLE.contains(digits.substring(0, 3))) {
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
