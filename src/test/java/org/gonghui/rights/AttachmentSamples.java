package org.gonghui.rights;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Files made in code for the attachment tests: pictures drawn with javax.imageio and given the
 * metadata a phone adds (a hand-built EXIF segment with GPS coordinates, XMP, a comment; PNG text and
 * eXIf chunks), a minimal valid PDF, and disguised files.
 */
final class AttachmentSamples {

    /** Marks in the metadata that must not survive: the camera's name and the comment text. */
    static final String CAMERA = "GonghuiCam";
    static final String COMMENT = "secret comment of the worker";
    static final String XMP = "http://ns.adobe.com/xap/1.0/";

    private AttachmentSamples() {
    }

    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 90, 200));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** A plain JPEG from javax.imageio (JFIF, no EXIF), optionally progressive (several scans). */
    static byte[] plainJpeg(int width, int height, boolean progressive) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (progressive) {
                    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                }
                writer.write(null, new IIOImage(picture(width, height, BufferedImage.TYPE_INT_RGB), null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone photo: the JPEG with an EXIF segment (camera, GPS position), an XMP segment and a comment after its JFIF segment. */
    static byte[] jpegWithExifAndGps() {
        byte[] plain = plainJpeg(64, 48, false);
        int afterJfif = 2 + 2 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterJfif);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifWithGps()));
        segment(out, 0xE1, concat((XMP + "\0").getBytes(StandardCharsets.ISO_8859_1),
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><exif:GPSLatitude>34,40.12N</exif:GPSLatitude></x:xmpmeta>".getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xFE, COMMENT.getBytes(StandardCharsets.US_ASCII));
        out.write(plain, afterJfif, plain.length - afterJfif);
        return out.toByteArray();
    }

    /** A TIFF structure as EXIF carries it (big-endian): IFD0 with the camera make and a GPS IFD with latitude and longitude. */
    static byte[] exifWithGps() {
        ByteBuffer b = ByteBuffer.allocate(152);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: Make (ASCII, 11 bytes at 38), GPSInfo pointer (LONG) to the GPS IFD at 50
        b.putShort((short) 2);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(11).putInt(38);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(50);
        b.putInt(0);
        b.put((CAMERA + "\0").getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        // GPS IFD at 50: latitude ref N, latitude (3 rationals at 104), longitude ref E, longitude (3 rationals at 128)
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(104);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] { 'E', 0, 0, 0 });
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(128);
        b.putInt(0);
        b.putInt(34).putInt(1).putInt(40).putInt(1).putInt(1234).putInt(100);
        b.putInt(112).putInt(1).putInt(27).putInt(1).putInt(5678).putInt(100);
        return b.array();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload, 0, payload.length);
    }

    /** A PNG from javax.imageio: RGB, palette ({@code indexed}) and/or interlaced ({@code interlaced}). */
    static byte[] plainPng(int width, int height, boolean indexed, boolean interlaced) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
                writer.write(null, new IIOImage(picture(width, height, indexed ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_ARGB),
                        null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG with a tEXt chunk (camera and comment), an iTXt chunk and an eXIf chunk (with GPS) after its header. */
    static byte[] pngWithTextAndExif() {
        byte[] plain = plainPng(40, 30, false, false);
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "tEXt", ("Comment\0" + COMMENT + " " + CAMERA).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + XMP + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        chunk(out, "eXIf", exifWithGps());
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A minimal valid PDF (one empty A4 page) with a correct cross-reference table. */
    static byte[] pdf() {
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] haystack, String ascii) {
        return contains(haystack, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether the JPEG has any APP1 segment (EXIF or XMP) or comment before its image data. */
    static boolean hasApp1OrComment(byte[] jpeg) {
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xE1 || marker == 0xFE) {
                return true;
            }
            if (marker == 0xDA) {
                return false;
            }
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF));
        }
        return false;
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
