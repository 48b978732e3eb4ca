package org.gonghui.rights;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.gonghui.support.ValidationException;

/**
 * What an uploaded attachment is, decided from its bytes alone (never its name or declared type), and
 * the bytes to store: a JPEG is walked segment by segment and rewritten with only the segments that
 * make the picture (EXIF with GPS, XMP, IPTC, comments and thumbnails are left out), a PNG chunk by
 * chunk with every CRC checked and its image data inflated and checked against the header (text,
 * eXIf and time chunks are left out), a PDF checked for its header, its cross-reference pointer and
 * its end marker. Anything after the end of an image or a PDF is dropped. A refusal is VALIDATION on
 * {@code file} and never repeats the content.
 *
 * <p>Our own walker rather than a library: Apache Commons Imaging does not resolve here, and its
 * rewriters remove one kind of metadata each (EXIF, XMP, IPTC) where this keeps a short list of what
 * a picture needs and drops everything else.
 */
public final class RightsCaseAttachmentContent {

    /** The three kinds of attachment. */
    public enum Kind {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), PDF("application/pdf", "pdf");

        public final String mediaType;
        public final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Kind ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(k -> k.mediaType.equals(mediaType)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown attachment type " + mediaType));
        }
    }

    /** What the upload turned out to be and the bytes to store. */
    public record Checked(Kind kind, byte[] bytes) {
    }

    /** Largest image accepted, in pixels (a 10 MB PNG could otherwise inflate to gigabytes). */
    static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STARTXREF = "startxref".getBytes(StandardCharsets.US_ASCII);
    /** PNG chunks kept besides IHDR, PLTE, IDAT and IEND: colour and transparency, nothing descriptive. */
    private static final Set<String> PNG_KEPT = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs");

    private RightsCaseAttachmentContent() {
    }

    /** The kind and the bytes to store; VALIDATION on {@code file} when the content is none of the three, or malformed. */
    public static Checked check(byte[] body) {
        if (body.length == 0) {
            throw invalid("文件为空 (the file is empty)");
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xD8 && (body[2] & 0xFF) == 0xFF) {
            return new Checked(Kind.JPEG, jpeg(body));
        }
        if (startsWith(body, PNG_SIGNATURE, 0)) {
            return new Checked(Kind.PNG, png(body));
        }
        if (startsWith(body, PDF_HEADER, 0)) {
            return new Checked(Kind.PDF, pdf(body));
        }
        throw invalid("不是 JPEG、PNG 或 PDF 文件 (not a JPEG, PNG or PDF file; the type is decided by the content, not the name or the declared type)");
    }

    // --- JPEG

    /** The JPEG rewritten with only the segments that make the picture; VALIDATION when it is not well formed. */
    static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        int p = 2;
        boolean frame = false;
        boolean scanned = false;
        while (true) {
            if (p >= in.length || (in[p] & 0xFF) != 0xFF) {
                throw badJpeg("a segment does not start with a marker");
            }
            while (p < in.length && (in[p] & 0xFF) == 0xFF) {
                p++; // fill bytes
            }
            if (p >= in.length) {
                throw badJpeg("it ends before its end-of-image marker");
            }
            int marker = in[p++] & 0xFF;
            if (marker == 0xD9) {
                if (!frame || !scanned) {
                    throw badJpeg("it has no image data");
                }
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray();
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                throw badJpeg("a stand-alone marker appears outside image data");
            }
            if (p + 2 > in.length) {
                throw badJpeg("it ends inside a segment");
            }
            int length = u16(in, p);
            int start = p + 2;
            int end = p + length;
            if (length < 2 || end > in.length) {
                throw badJpeg("a segment's length runs past the end of the file");
            }
            int size = end - start;
            if (isFrameHeader(marker)) {
                if (frame) {
                    throw badJpeg("it has two frame headers");
                }
                checkFrame(marker, in, start, size);
                frame = true;
                copySegment(out, marker, in, start, end);
            } else if (marker == 0xC4) {
                checkHuffmanTables(in, start, end);
                copySegment(out, marker, in, start, end);
            } else if (marker == 0xDB) {
                checkQuantizationTables(in, start, end);
                copySegment(out, marker, in, start, end);
            } else if (marker == 0xDD) {
                if (size != 2) {
                    throw badJpeg("a restart interval segment has the wrong length");
                }
                copySegment(out, marker, in, start, end);
            } else if (marker == 0xCC) {
                copySegment(out, marker, in, start, end); // arithmetic coding conditioning
            } else if (marker == 0xDA) {
                if (!frame) {
                    throw badJpeg("image data comes before the frame header");
                }
                int components = size >= 1 ? in[start] & 0xFF : 0;
                if (components < 1 || components > 4 || size != 4 + 2 * components) {
                    throw badJpeg("a scan header is malformed");
                }
                copySegment(out, marker, in, start, end);
                int q = entropyCodedEnd(in, end);
                out.write(in, end, q - end);
                scanned = true;
                p = q;
                continue;
            } else if (marker == 0xE0) {
                // JFIF: version, units and density only, without its thumbnail
                if (size >= 14 && startsWith(in, "JFIF\0".getBytes(StandardCharsets.US_ASCII), start)) {
                    byte[] jfif = Arrays.copyOfRange(in, start, start + 14);
                    jfif[12] = 0;
                    jfif[13] = 0;
                    copySegment(out, marker, jfif, 0, jfif.length);
                }
            } else if (marker == 0xE2) {
                // the colour profile (needed to show the colours right); other APP2 data (FlashPix, MPF) is dropped
                if (startsWith(in, "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), start)) {
                    copySegment(out, marker, in, start, end);
                }
            } else if (marker == 0xEE) {
                // Adobe: how the colour channels are coded, 12 bytes
                if (size >= 12 && startsWith(in, "Adobe".getBytes(StandardCharsets.US_ASCII), start)) {
                    copySegment(out, marker, in, start, start + 12);
                }
            } else if ((marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE) {
                // EXIF (with GPS), XMP, IPTC, maker notes, comments: left out
            } else {
                throw badJpeg("it uses an unsupported or unknown marker");
            }
            p = end;
        }
    }

    /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static void checkFrame(int marker, byte[] in, int start, int size) {
        if (size < 6) {
            throw badJpeg("its frame header is malformed");
        }
        int precision = in[start] & 0xFF;
        int height = u16(in, start + 1);
        int width = u16(in, start + 3);
        int components = in[start + 5] & 0xFF;
        if (precision < 2 || precision > 16 || (marker == 0xC0 && precision != 8)) {
            throw badJpeg("its sample precision is invalid");
        }
        if (height == 0 || width == 0) {
            throw badJpeg("its frame has no width or height");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw tooManyPixels();
        }
        if (components < 1 || components > 4 || size != 6 + 3 * components) {
            throw badJpeg("its frame header is malformed");
        }
        for (int i = 0; i < components; i++) {
            int sampling = in[start + 7 + 3 * i] & 0xFF;
            int table = in[start + 8 + 3 * i] & 0xFF;
            int h = sampling >> 4;
            int v = sampling & 0x0F;
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw badJpeg("a component of its frame is malformed");
            }
        }
    }

    private static void checkHuffmanTables(byte[] in, int start, int end) {
        int q = start;
        if (q == end) {
            throw badJpeg("a Huffman table segment is empty");
        }
        while (q < end) {
            int classAndId = in[q] & 0xFF;
            if ((classAndId >> 4) > 1 || (classAndId & 0x0F) > 3 || q + 17 > end) {
                throw badJpeg("a Huffman table is malformed");
            }
            int symbols = 0;
            for (int i = 1; i <= 16; i++) {
                symbols += in[q + i] & 0xFF;
            }
            q += 17 + symbols;
            if (symbols > 256 || q > end) {
                throw badJpeg("a Huffman table is malformed");
            }
        }
    }

    private static void checkQuantizationTables(byte[] in, int start, int end) {
        int q = start;
        if (q == end) {
            throw badJpeg("a quantization table segment is empty");
        }
        while (q < end) {
            int precisionAndId = in[q] & 0xFF;
            if ((precisionAndId >> 4) > 1 || (precisionAndId & 0x0F) > 3) {
                throw badJpeg("a quantization table is malformed");
            }
            q += 1 + ((precisionAndId >> 4) == 0 ? 64 : 128);
            if (q > end) {
                throw badJpeg("a quantization table is malformed");
            }
        }
    }

    /** Where the entropy-coded data that starts at {@code from} ends: at the first marker other than a stuffed byte or a restart marker. */
    private static int entropyCodedEnd(byte[] in, int from) {
        int q = from;
        while (true) {
            if (q + 1 >= in.length) {
                throw badJpeg("it ends inside its image data");
            }
            if ((in[q] & 0xFF) == 0xFF) {
                int next = in[q + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    q += 2;
                    continue;
                }
                return q;
            }
            q++;
        }
    }

    private static void copySegment(ByteArrayOutputStream out, int marker, byte[] in, int start, int end) {
        int length = end - start + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(in, start, end - start);
    }

    private static ValidationException badJpeg(String why) {
        return invalid("不是有效的 JPEG 图片 (not a well-formed JPEG: " + why + ")");
    }

    // --- PNG

    /** The PNG rewritten with only the chunks that make the picture; VALIDATION when it is not well formed. */
    static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_SIGNATURE.length);
        int p = PNG_SIGNATURE.length;
        PngImageData data = null;
        int colorType = -1;
        boolean palette = false;
        boolean idatSeen = false;
        boolean idatEnded = false;
        CRC32 crc = new CRC32();
        try {
            while (true) {
                if (p + 12 > in.length) {
                    throw badPng("it ends before its end chunk");
                }
                long length = u32(in, p);
                if (length > in.length - p - 12L) {
                    throw badPng("a chunk's length runs past the end of the file");
                }
                int typeStart = p + 4;
                int dataStart = p + 8;
                int dataEnd = dataStart + (int) length;
                for (int i = typeStart; i < dataStart; i++) {
                    int c = in[i] & 0xFF;
                    if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                        throw badPng("a chunk type is not four letters");
                    }
                }
                crc.reset();
                crc.update(in, typeStart, dataEnd - typeStart);
                if (crc.getValue() != u32(in, dataEnd)) {
                    throw badPng("a chunk fails its CRC check");
                }
                String type = new String(in, typeStart, 4, StandardCharsets.US_ASCII);
                boolean keep;
                if (data == null) {
                    if (!type.equals("IHDR") || length != 13) {
                        throw badPng("it does not start with its header chunk");
                    }
                    data = PngImageData.of(in, dataStart);
                    colorType = in[dataStart + 9] & 0xFF;
                    keep = true;
                } else if (type.equals("IHDR")) {
                    throw badPng("it has two header chunks");
                } else if (type.equals("PLTE")) {
                    if (idatSeen || palette || length == 0 || length % 3 != 0 || length > 768 || colorType == 0 || colorType == 4) {
                        throw badPng("its palette is misplaced or malformed");
                    }
                    palette = true;
                    keep = true;
                } else if (type.equals("IDAT")) {
                    if (idatEnded) {
                        throw badPng("its image data chunks are not consecutive");
                    }
                    if (colorType == 3 && !palette) {
                        throw badPng("its palette is missing");
                    }
                    idatSeen = true;
                    data.feed(in, dataStart, (int) length);
                    keep = true;
                } else if (type.equals("IEND")) {
                    if (!idatSeen || length != 0) {
                        throw badPng("it has no image data");
                    }
                    data.finish();
                    out.write(in, p, dataEnd + 4 - p);
                    return out.toByteArray(); // anything after the end chunk is dropped
                } else if ((in[typeStart] & 0x20) == 0) {
                    throw badPng("it has an unknown critical chunk");
                } else {
                    keep = PNG_KEPT.contains(type); // tEXt, zTXt, iTXt, eXIf, tIME and the rest are left out
                }
                if (idatSeen && !type.equals("IDAT")) {
                    idatEnded = true;
                }
                if (keep) {
                    out.write(in, p, dataEnd + 4 - p);
                }
                p = dataEnd + 4;
            }
        } finally {
            if (data != null) {
                data.inflater.end();
            }
        }
    }

    /**
     * The image data of a PNG, inflated as it arrives and checked against the header without keeping
     * it: exactly the bytes the rows need (every pass of an interlaced image), each row starting with
     * a known filter type.
     */
    private static final class PngImageData {
        private static final int[][] ADAM7 = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 }, { 0, 2, 2, 4 }, { 1, 0, 2, 2 },
                { 0, 1, 1, 2 } };

        final Inflater inflater = new Inflater();
        private final long[] rows;
        private final long[] rowBytes;
        private final byte[] buffer = new byte[64 * 1024];
        private int pass;
        private long row;
        private long column;

        private PngImageData(long[] rows, long[] rowBytes) {
            this.rows = rows;
            this.rowBytes = rowBytes;
            skipEmptyPasses();
        }

        static PngImageData of(byte[] in, int at) {
            long width = u32(in, at);
            long height = u32(in, at + 4);
            int depth = in[at + 8] & 0xFF;
            int colorType = in[at + 9] & 0xFF;
            int compression = in[at + 10] & 0xFF;
            int filter = in[at + 11] & 0xFF;
            int interlace = in[at + 12] & 0xFF;
            if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                throw badPng("its header has an invalid width or height");
            }
            if (width * height > MAX_PIXELS) {
                throw tooManyPixels();
            }
            int channels = switch (colorType) {
                case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16 ? 1 : -1;
                case 2 -> depth == 8 || depth == 16 ? 3 : -1;
                case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 ? 1 : -1;
                case 4 -> depth == 8 || depth == 16 ? 2 : -1;
                case 6 -> depth == 8 || depth == 16 ? 4 : -1;
                default -> -1;
            };
            if (channels < 0 || compression != 0 || filter != 0 || interlace > 1) {
                throw badPng("its header is invalid");
            }
            long bitsPerPixel = (long) channels * depth;
            if (interlace == 0) {
                return new PngImageData(new long[] { height }, new long[] { 1 + (width * bitsPerPixel + 7) / 8 });
            }
            long[] rows = new long[7];
            long[] rowBytes = new long[7];
            for (int i = 0; i < 7; i++) {
                int[] a = ADAM7[i];
                long w = width > a[0] ? (width - a[0] + a[2] - 1) / a[2] : 0;
                long h = height > a[1] ? (height - a[1] + a[3] - 1) / a[3] : 0;
                rows[i] = w == 0 ? 0 : h;
                rowBytes[i] = 1 + (w * bitsPerPixel + 7) / 8;
            }
            return new PngImageData(rows, rowBytes);
        }

        void feed(byte[] in, int from, int length) {
            if (length == 0) {
                return;
            }
            if (inflater.finished()) {
                throw badPng("it has data after the end of its compressed image data");
            }
            inflater.setInput(in, from, length);
            try {
                while (!inflater.needsInput() && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw badPng("its image data is not valid compressed data");
                    }
                    int n = inflater.inflate(buffer);
                    rows(n);
                }
            } catch (DataFormatException e) {
                throw badPng("its image data is not valid compressed data");
            }
            if (inflater.finished() && inflater.getRemaining() > 0) {
                throw badPng("it has data after the end of its compressed image data");
            }
        }

        void finish() {
            if (!inflater.finished() || pass < rows.length) {
                throw badPng("its image data is shorter than its header says");
            }
        }

        /** Walks {@code n} inflated bytes along the rows: each row starts with a filter type 0-4; no byte beyond the last row. */
        private void rows(int n) {
            int i = 0;
            while (i < n) {
                if (pass >= rows.length) {
                    throw badPng("its image data is longer than its header says");
                }
                if (column == 0 && (buffer[i] & 0xFF) > 4) {
                    throw badPng("a row of its image data has an unknown filter type");
                }
                long take = Math.min(n - i, rowBytes[pass] - column);
                i += (int) take;
                column += take;
                if (column == rowBytes[pass]) {
                    column = 0;
                    row++;
                    if (row == rows[pass]) {
                        row = 0;
                        pass++;
                        skipEmptyPasses();
                    }
                }
            }
        }

        private void skipEmptyPasses() {
            while (pass < rows.length && rows[pass] == 0) {
                pass++;
            }
        }
    }

    private static ValidationException badPng(String why) {
        return invalid("不是有效的 PNG 图片 (not a well-formed PNG: " + why + ")");
    }

    // --- PDF

    /**
     * The PDF up to its last end marker; VALIDATION unless it starts with {@code %PDF-x.y}, ends (within
     * its last 1024 bytes) with {@code %%EOF}, and the {@code startxref} before that marker points at a
     * cross-reference table or stream inside the file.
     */
    static byte[] pdf(byte[] in) {
        if (in.length < 8 || !isDigit(in[5]) || in[6] != '.' || !isDigit(in[7])) {
            throw badPdf("its header is not %PDF-x.y");
        }
        int eof = lastIndexOf(in, PDF_EOF, in.length);
        if (eof < 0 || in.length - eof > 1024) {
            throw badPdf("it has no end-of-file marker near its end");
        }
        int startxref = lastIndexOf(in, STARTXREF, eof);
        if (startxref < 0) {
            throw badPdf("it has no startxref");
        }
        int q = startxref + STARTXREF.length;
        while (q < eof && isWhite(in[q])) {
            q++;
        }
        long offset = 0;
        int digits = 0;
        while (q < eof && isDigit(in[q]) && digits < 12) {
            offset = offset * 10 + (in[q++] - '0');
            digits++;
        }
        while (q < eof && isWhite(in[q])) {
            q++;
        }
        if (digits == 0 || q != eof || offset < PDF_HEADER.length || offset >= startxref) {
            throw badPdf("its startxref does not point into the file");
        }
        if (!startsWith(in, "xref".getBytes(StandardCharsets.US_ASCII), (int) offset) && !isObjectStart(in, (int) offset, startxref)) {
            throw badPdf("its startxref does not point at a cross-reference table or stream");
        }
        int end = eof + PDF_EOF.length;
        if (end < in.length && in[end] == '\r') {
            end++;
        }
        if (end < in.length && in[end] == '\n') {
            end++;
        }
        return end == in.length ? in : Arrays.copyOf(in, end);
    }

    /** "12 0 obj" at {@code at}. */
    private static boolean isObjectStart(byte[] in, int at, int limit) {
        int q = at;
        int first = q;
        while (q < limit && isDigit(in[q])) {
            q++;
        }
        if (q == first || q >= limit || !isWhite(in[q])) {
            return false;
        }
        while (q < limit && isWhite(in[q])) {
            q++;
        }
        int second = q;
        while (q < limit && isDigit(in[q])) {
            q++;
        }
        if (q == second || q >= limit || !isWhite(in[q])) {
            return false;
        }
        while (q < limit && isWhite(in[q])) {
            q++;
        }
        return startsWith(in, "obj".getBytes(StandardCharsets.US_ASCII), q);
    }

    private static ValidationException badPdf(String why) {
        return invalid("不是有效的 PDF 文件 (not a well-formed PDF: " + why + ")");
    }

    // --- helpers

    private static ValidationException invalid(String why) {
        return new ValidationException("file: " + why);
    }

    private static ValidationException tooManyPixels() {
        return invalid("图片像素过多 (the picture has more than " + MAX_PIXELS + " pixels)");
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isWhite(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t' || b == '\f' || b == 0;
    }

    private static int u16(byte[] in, int at) {
        return (in[at] & 0xFF) << 8 | (in[at + 1] & 0xFF);
    }

    private static long u32(byte[] in, int at) {
        return (long) (in[at] & 0xFF) << 24 | (in[at + 1] & 0xFF) << 16 | (in[at + 2] & 0xFF) << 8 | (in[at + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] in, byte[] prefix, int at) {
        if (at < 0 || at + prefix.length > in.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last index of {@code needle} that starts before {@code before}, or -1. */
    private static int lastIndexOf(byte[] in, byte[] needle, int before) {
        for (int i = Math.min(before - 1, in.length - needle.length); i >= 0; i--) {
            if (startsWith(in, needle, i)) {
                return i;
            }
        }
        return -1;
    }
}
