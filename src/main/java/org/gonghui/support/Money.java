package org.gonghui.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Amounts of yuan: exact decimals with at most two places, exchanged with clients as strings
 * ("287400.00") so no JavaScript number ever rounds them.
 */
public final class Money {

    private static final BigDecimal MAX = new BigDecimal("999999999999.99");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");

    private Money() {
    }

    /** A non-negative amount with at most two decimal places; null stays null. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!AMOUNT.matcher(text.strip()).matches()) {
            throw new ValidationException(field + ": 金额须为非负数, 最多两位小数 (yuan such as 1200.50: digits, at most two decimal places), got " + text);
        }
        BigDecimal value = new BigDecimal(text.strip());
        if (value.compareTo(MAX) > 0) {
            throw new ValidationException(field + ": 金额过大 (at most " + MAX.toPlainString() + "), got " + text);
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String format(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
