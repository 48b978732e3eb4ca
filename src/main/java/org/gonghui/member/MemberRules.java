package org.gonghui.member;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.union.CreditCode;
import org.gonghui.union.UnionKind;
import org.gonghui.union.UnionRules;

/** Field rules of the member registry; each failure names the input field and the rule. */
final class MemberRules {

    static final ZoneId CHINA = UnionRules.CHINA;

    private MemberRules() {
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    static IdNumber idNumber(String field, String text) {
        IdNumber.Result result = IdNumber.parse(text, today());
        if (result.id().isEmpty()) {
            throw new ValidationException(field + ": " + result.problem().message());
        }
        return result.id().get();
    }

    /** A phone number or null when none was given; VALIDATION when it is not a mobile number. */
    static PhoneNumber phone(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PhoneNumber phone = PhoneNumber.parse(text);
        if (phone == null) {
            throw new ValidationException(field + ": 手机号格式不正确 (a mobile number is 1[3-9] and nine more digits)");
        }
        return phone;
    }

    static String name(String field, String text) {
        return Text.name(field, text, 50, true);
    }

    /** Optional one-line text (employer, occupation, login subject). */
    static String text(String field, String text, int maxLength) {
        return Text.line(field, text, maxLength, false);
    }

    /** An optional reason or note: multi-line. */
    static String note(String field, String text) {
        return Text.multiline(field, text, 500, false);
    }

    static String reason(String field, String text) {
        return Text.multiline(field, text, 500, true);
    }

    static String creditCode(String field, String text) {
        String code = Text.line(field, text, 18, false);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        String problem = CreditCode.problem(code);
        if (problem != null) {
            throw new ValidationException(field + ": 统一社会信用代码无效 — " + problem);
        }
        return code;
    }

    static String[] keyGroups(List<KeyGroup> groups) {
        return groups == null ? new String[0] : new LinkedHashSet<>(groups).stream().map(Enum::name).toArray(String[]::new);
    }

    /** Community and joint unions take workers whose employer has no union (临时会籍). */
    static boolean takesProvisionalMembers(UnionKind kind) {
        return kind == UnionKind.COMMUNITY || kind == UnionKind.JOINT;
    }
}
