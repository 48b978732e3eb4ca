package org.gonghui.union;

/** Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters ending in a check character. */
public final class CreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private CreditCode() {
    }

    /** Null when valid, otherwise the rule the code breaks. */
    public static String problem(String code) {
        if (code.length() != 18) {
            return "must have 18 characters, has " + code.length();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(code.charAt(i));
            if (value < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed (digits and A-Y without I, O, S, V, Z)";
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (code.charAt(17) != CHARSET.charAt(check)) {
            return "check character should be " + CHARSET.charAt(check) + " (GB 32100)";
        }
        return null;
    }
}
