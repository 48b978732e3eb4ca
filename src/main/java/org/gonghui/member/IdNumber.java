package org.gonghui.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A resident ID number (居民身份证号码, GB 11643): 17 digits and a check character. Digits 7-14 are the
 * birth date, digit 17 is odd for men. Only ever held in memory: stored encrypted, shown masked.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Why a text is not an ID number: a stable code and a readable message. */
    public record Problem(String code, String message) {
    }

    /** The normalized ID number (trimmed, check character 'X' upper-case), or the problem with it. */
    public static Result parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Result.failed("REQUIRED", "身份证号必填 (the ID number is required)");
        }
        String id = text.strip().toUpperCase(Locale.ROOT);
        if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')
                || CHECK.indexOf(id.charAt(17)) < 0) {
            return Result.failed("INVALID_ID_NUMBER", "身份证号应为 17 位数字加 1 位校验码 (18 characters: 17 digits and a check character)");
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return Result.failed("INVALID_ID_NUMBER", "身份证号校验码错误 (the check character does not match, GB 11643)");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.failed("INVALID_ID_NUMBER", "身份证号中的出生日期无效 (the birth date in the ID number is not a date)");
        }
        if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
            return Result.failed("INVALID_ID_NUMBER", "身份证号中的出生日期不合理 (the birth date in the ID number lies in the future or before 1900)");
        }
        return new Result(Optional.of(new IdNumber(id)), null);
    }

    /** Either an ID number or a problem. */
    public record Result(Optional<IdNumber> id, Problem problem) {
        static Result failed(String code, String message) {
            return new Result(Optional.empty(), new Problem(code, message));
        }
    }

    /** The check character of the first 17 digits: weighted sum mod 11 mapped onto "10X98765432". */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** 110***********002X: the first three and the last four characters. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }
}
