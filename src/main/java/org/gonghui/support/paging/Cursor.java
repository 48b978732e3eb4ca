package org.gonghui.support.paging;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;

import org.gonghui.support.ValidationException;

/**
 * The one cursor codec: a cursor is base64url text naming the list and sort it was made for, the
 * row's id and its sort value. Clients treat it as opaque; decoding checks every part, so a cursor
 * of another list or sort, or a truncated, tampered or invented one, is VALIDATION on {@code after}.
 */
public final class Cursor {

    private static final String VERSION = "1";

    /** Longer than any cursor this API makes (a member name is at most 50 characters). */
    static final int MAX_LENGTH = 600;

    private Cursor() {
    }

    public static <K> String encode(Ordering<K> ordering, K value, long id) {
        String text = String.join("\n", VERSION, ordering.list(), ordering.sort(), Long.toString(id),
                value == null ? "" : ordering.key().format().apply(value));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside {@code cursor}, checked to have been made for {@code ordering}. */
    public static <K> Position<K> decode(Ordering<K> ordering, String cursor) {
        String[] parts = parts(cursor);
        if (!parts[1].equals(ordering.list())) {
            throw new ValidationException("after: 游标不属于此列表 (a cursor of another list; cursors belong to the list they came from)");
        }
        if (!parts[2].equals(ordering.sort())) {
            throw new ValidationException("after: 游标属于另一种排序 (a cursor made for another sort order; start again from the first page)");
        }
        try {
            long id = Long.parseLong(parts[3]);
            K value = ordering.key().parse().apply(parts[4]);
            if (value == null && ordering.key() != SortKey.NONE) {
                throw new IllegalArgumentException("missing value");
            }
            return new Position<>(value, id);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static String[] parts(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            String[] parts = text.split("\n", 5);
            if (parts.length == 5 && parts[0].equals(VERSION)) {
                return parts;
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // falls through to the validation error below
        }
        throw invalid();
    }

    private static ValidationException invalid() {
        return new ValidationException("after: 无效的游标 (not a cursor returned by this API)");
    }
}
