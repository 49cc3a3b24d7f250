package org.helpline.directory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resource as typed into the supervisors' form, checked before it reaches the directory: a name, one of the
 * categories, a phone number that is a North American one (any punctuation), a web address that is http or https.
 */
record ResourceForm(String name, String category, String phone, String website) {

    static ResourceForm of(Map<String, String> form) {
        return new ResourceForm(trim(form.get("name")), trim(form.get("category")), trim(form.get("phone")),
            trim(form.get("website")));
    }

    /** What is wrong, in words a supervisor can act on; empty when the form is good. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 120) {
            problems.add("Give the resource a name of at most 120 characters.");
        }
        if (Arrays.stream(ResourceCategory.values()).noneMatch(c -> c.code().equals(category))) {
            problems.add("Choose one of the categories.");
        }
        if (!phone.isEmpty() && digits().length() != 10) {
            problems.add("The phone number must have 10 digits, area code first, like 312-555-0123.");
        } else if (!phone.isEmpty() && !digits().matches("[2-9][0-9]{2}[2-9][0-9]{6}")) {
            problems.add("That phone number is not a North American number.");
        }
        if (!website.isEmpty() && !isWebAddress(website)) {
            problems.add("That web address is not one we can use: it must start with http:// or https://, have "
                + "no spaces, and be at most 200 characters, like https://example.org.");
        }
        return problems;
    }

    Resource toResource(Long id, int position, boolean active) {
        return new Resource(id, category, name, phone.isEmpty() ? null : digits(), website.isEmpty() ? null : website,
            position, active);
    }

    private String digits() {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }

    private static boolean isWebAddress(String text) {
        if (text.length() > 200) {
            return false;
        }
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
