package org.gonghui.union;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.gonghui.support.ValidationException;

/**
 * Placement and field rules of the hierarchy, as pure functions. Each violation is a VALIDATION error
 * whose message starts with the input field and states the rule.
 */
public final class UnionRules {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private UnionRules() {
    }

    static void checkPlacement(String field, UnionLevel level, TradeUnion parent) {
        if (!level.allowedParents().contains(parent.level)) {
            throw new ValidationException(field + ": 层级不符 — a " + level + " union cannot hang under a " + parent.level
                    + " union (allowed parents: " + level.allowedParents().stream().map(Enum::name).sorted()
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        if (!parent.status.isOpen()) {
            throw new ValidationException(field + ": 上级工会已" + (parent.status == UnionStatus.DISSOLVED ? "撤销" : "合并")
                    + " — union " + parent.id + " is " + parent.status + " and cannot take new members of the hierarchy");
        }
    }

    static void checkKind(UnionLevel level, UnionKind kind) {
        if (!kind.fits(level)) {
            throw new ValidationException("kind: 类型与层级不符 — " + kind + " is not a kind of " + level + " union");
        }
    }

    static void checkFormationMode(UnionLevel level, FormationMode mode) {
        if (mode != null && level != UnionLevel.GRASSROOTS) {
            throw new ValidationException("formationMode: 仅基层工会有建会模式 — only GRASSROOTS unions have a formation mode");
        }
    }

    /**
     * A region code must have the shape of its level and lie inside the area of the nearest coded
     * ancestor ({@code parentArea}: a code prefix, empty when nothing above has a code).
     */
    static void checkRegion(UnionLevel level, String code, String parentArea) {
        if (code == null) {
            if (level == UnionLevel.PROVINCIAL || level == UnionLevel.CITY) {
                throw new ValidationException("regionCode: 必填 — a " + level + " union needs its six-digit region code (GB/T 2260)");
            }
            return;
        }
        if (!code.matches("[0-9]{6}")) {
            throw new ValidationException("regionCode: 格式错误 — must be six digits (GB/T 2260), got '" + code + "'");
        }
        String shape = switch (level) {
            case NATIONAL -> "the national union has no region code";
            case PROVINCIAL -> code.endsWith("0000") && !code.startsWith("00") ? null : "a province code ends in 0000, e.g. 410000";
            case CITY -> code.endsWith("00") && !code.endsWith("0000") ? null : "a city code ends in 00 but not 0000, e.g. 410300";
            case COUNTY -> code.endsWith("00") ? "a county code does not end in 00, e.g. 410306" : null;
            case TOWNSHIP, GRASSROOTS -> null;
        };
        if (shape != null) {
            throw new ValidationException("regionCode: 与层级不符 — " + shape);
        }
        if (!code.startsWith(parentArea)) {
            throw new ValidationException("regionCode: 不在上级工会辖区内 — " + code + " lies outside the area of the union above (codes starting "
                    + parentArea + ")");
        }
    }

    /** The code prefix that every region code below a union must start with. */
    static String areaOf(UnionLevel level, String code) {
        if (code == null) {
            return "";
        }
        return switch (level) {
            case NATIONAL -> "";
            case PROVINCIAL -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY, TOWNSHIP, GRASSROOTS -> code;
        };
    }

    static void checkHostEmployer(UnionKind kind, String name, String creditCode) {
        if ((name != null || creditCode != null) && !kind.allowsHostEmployer()) {
            throw new ValidationException("hostEmployerName: " + kind + " unions have no host employer");
        }
        if (kind.requiresHostEmployer() && (name == null || creditCode == null)) {
            throw new ValidationException((name == null ? "hostEmployerName" : "hostEmployerCreditCode")
                    + ": 必填 — a " + kind + " union names its host employer and the employer's credit code");
        }
        if (creditCode != null) {
            String problem = CreditCode.problem(creditCode);
            if (problem != null) {
                throw new ValidationException("hostEmployerCreditCode: 统一社会信用代码无效 — " + problem);
            }
        }
    }

    /** An office phone: digits and hyphens, 3 to 20 characters, starting and ending with a digit; empty clears it (null). */
    static String officePhone(String field, String value) {
        String phone = value.strip();
        if (phone.isEmpty()) {
            return null;
        }
        if (!phone.matches("[0-9][0-9-]{1,18}[0-9]")) {
            throw new ValidationException(field + ": 电话号码格式不正确 — digits and hyphens, 3 to 20 characters, e.g. 0379-65512351");
        }
        return phone;
    }

    public static void checkNotFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(LocalDate.now(CHINA))) {
            throw new ValidationException(field + ": 不能晚于今天 — " + date + " is in the future");
        }
    }

    static void checkInitialStatus(UnionStatus status) {
        if (!status.isOpen()) {
            throw new ValidationException("status: a new union is PREPARING or ACTIVE, not " + status);
        }
    }
}
