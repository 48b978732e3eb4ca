package org.gonghui.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of yuan: exact decimals with at most two places, exchanged with clients as strings
 * ("287400.00") so no JavaScript number ever rounds them.
 */
public final class Money {

    private static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** A non-negative amount with at most two decimal places; null stays null. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field + ": 金额格式不正确 (an amount in yuan such as 1200.50), got " + text);
        }
        if (value.signum() < 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX) > 0) {
            throw new ValidationException(field + ": 金额须为非负数, 最多两位小数 (non-negative, at most two decimal places), got " + text);
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String format(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
