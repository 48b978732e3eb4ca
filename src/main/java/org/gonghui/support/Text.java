package org.gonghui.support;

import java.text.Normalizer;

/**
 * The one rule for free text that people type (names, addresses, reasons, notes, roster cells):
 * Unicode NFC, trimmed; no control characters (line breaks only in multi-line fields), no
 * bidirectional controls, no unpaired surrogates; at least one visible character. Characters outside
 * the Basic Multilingual Plane (生僻字 such as 𠮷) are characters like any other, and the middle dot of
 * transliterated names (阿卜杜拉·艾买提) is kept as U+00B7 whichever look-alike was typed.
 * Lengths count code points. Every refusal names the field and never repeats the text.
 */
public final class Text {

    /** What kind of text a field holds. */
    public enum Kind {
        /** A person's or organisation's name: one line; middle-dot look-alikes become U+00B7. */
        NAME,
        /** Any other one-line text (address, title, search text). */
        LINE,
        /** Descriptions, notes and reasons: line breaks allowed (stored as \n). */
        MULTILINE
    }

    private Text() {
    }

    public static String name(String field, String value, int maxLength, boolean required) {
        return check(field, value, maxLength, required, Kind.NAME);
    }

    public static String line(String field, String value, int maxLength, boolean required) {
        return check(field, value, maxLength, required, Kind.LINE);
    }

    public static String multiline(String field, String value, int maxLength, boolean required) {
        return check(field, value, maxLength, required, Kind.MULTILINE);
    }

    /** The normalised text, null when absent or blank; VALIDATION naming the field when it breaks the rule. */
    public static String check(String field, String value, int maxLength, boolean required, Kind kind) {
        if (value == null) {
            return required(field, required);
        }
        String problem = problem(value, kind);
        if (problem != null) {
            throw new ValidationException(field + ": " + problem);
        }
        String text = normalise(value, kind);
        if (text.isEmpty()) {
            return required(field, required);
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new ValidationException(field + ": 过长 — at most " + maxLength + " characters");
        }
        return text;
    }

    private static String required(String field, boolean required) {
        if (required) {
            throw new ValidationException(field + ": 必填 — must not be empty");
        }
        return null;
    }

    /** NFC, trimmed, line breaks as \n, middle dots of names as U+00B7; assumes {@link #problem} found none. */
    public static String normalise(String value, Kind kind) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFC);
        if (kind == Kind.MULTILINE) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (kind == Kind.NAME) {
            text = text.replace('\u30FB', '\u00B7').replace('\uFF65', '\u00B7').replace('\u2022', '\u00B7')
                    .replace('\u2027', '\u00B7').replace('\u22C5', '\u00B7').replace('\u2219', '\u00B7');
        }
        return text.strip();
    }

    /** Why the text breaks the rule (without the field name), or null when it keeps it. Blank text keeps it. */
    public static String problem(String value, Kind kind) {
        String controls = controlProblem(value, kind == Kind.MULTILINE, false);
        if (controls != null) {
            return controls;
        }
        boolean visible = false;
        boolean blank = true;
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (isBidiControl(c)) {
                return "含有双向文本控制字符 (contains a bidirectional text control such as U+202E)";
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                blank = false;
            }
            visible |= isVisible(c);
        }
        if (!blank && !visible) {
            return "没有可见字符 (has no visible character: only spaces, zero-width or other invisible characters)";
        }
        return null;
    }

    /**
     * VALIDATION naming the path when any text input holds a control character other than tab and
     * line breaks, or an unpaired surrogate: PostgreSQL refuses NUL and stores lone surrogates as '?'.
     */
    public static void requireNoControls(String path, String value) {
        String problem = controlProblem(value, true, true);
        if (problem != null) {
            throw new ValidationException(path + ": " + problem);
        }
    }

    private static String controlProblem(String value, boolean lineBreaks, boolean tab) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "含有不成对的代理项 (contains an unpaired surrogate, which is not a character)";
            } else if (Character.getType(c) == Character.CONTROL && !(lineBreaks && (c == '\n' || c == '\r')) && !(tab && c == '\t')) {
                return lineBreaks
                        ? "含有控制字符 (contains a control character such as NUL or ESC)"
                        : "含有控制字符 (contains a control character such as NUL, ESC or a line break; line breaks only in multi-line fields)";
            }
        }
        return null;
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** Letters, marks on them, digits, punctuation and symbols; not spaces, format or other invisible characters. */
    private static boolean isVisible(int c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                    Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> c != 0x3164 && c != 0x115F && c != 0x1160 && c != 0xFFA0 && c != 0x2800;
        };
    }
}
