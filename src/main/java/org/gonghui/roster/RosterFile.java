package org.gonghui.roster;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded roster as text. Spreadsheets export CSV as UTF-8 (often with a byte order mark) or, on
 * Chinese Windows, as GBK. A requested character set wins; otherwise a BOM means UTF-8, a file that
 * decodes as strict UTF-8 is UTF-8, and anything else is read as GB18030 (a superset of GBK).
 */
final class RosterFile {

    static final Charset GB18030 = Charset.forName("GB18030");
    /** The character sets an uploader may name, by their canonical names. */
    static final Map<String, Charset> NAMED = Map.of("UTF-8", StandardCharsets.UTF_8, "GBK", Charset.forName("GBK"), "GB18030", GB18030);

    private final byte[] bytes;
    private final int offset;
    final Charset charset;
    /** What roster_import.encoding records. */
    final String encoding;

    private RosterFile(byte[] bytes, int offset, Charset charset, String encoding) {
        this.bytes = bytes;
        this.offset = offset;
        this.charset = charset;
        this.encoding = encoding;
    }

    /** The canonical name of a requested character set (UTF-8, GBK or GB18030, any case, UTF8 too), or null if it is none of them. */
    static String canonical(String requested) {
        String name = requested.strip().toUpperCase(Locale.ROOT);
        return "UTF8".equals(name) ? "UTF-8" : NAMED.containsKey(name) ? name : null;
    }

    static RosterFile of(byte[] bytes, String requested) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        if (requested != null) {
            Charset charset = NAMED.get(requested);
            return new RosterFile(bytes, bom && charset == StandardCharsets.UTF_8 ? 3 : 0, charset, requested);
        }
        if (bom) {
            return new RosterFile(bytes, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        return isUtf8(bytes) ? new RosterFile(bytes, 0, StandardCharsets.UTF_8, "UTF-8") : new RosterFile(bytes, 0, GB18030, "GB18030");
    }

    /** A reader that fails (MalformedInputException) on bytes that are not text in the chosen character set. */
    Reader reader() {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), decoder);
    }

    /**
     * Data rows (records after the first that are not entirely blank), counted on the bytes so that
     * progress has a total from the start. Exact for UTF-8, GBK and GB18030: none of their multi-byte
     * sequences contains a quote, comma or line feed byte.
     */
    int countDataRows() {
        int records = 0;
        boolean quoted = false;
        boolean content = false;
        boolean first = true;
        for (int i = offset; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                if (content && !first) {
                    records++;
                }
                first = false;
                content = false;
            } else if (b != ',' && b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        return content && !first ? records + 1 : records;
    }

    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }
}
