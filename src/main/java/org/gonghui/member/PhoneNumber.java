package org.gonghui.member;

import java.util.regex.Pattern;

/** A mainland mobile phone number: 1[3-9] and nine more digits. Stored encrypted, shown masked. */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    /** The normalized number (spaces, dashes and a +86 prefix removed), or null when it is not a mobile number. */
    public static PhoneNumber parse(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? new PhoneNumber(digits) : null;
    }

    /** 138****1234. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}
