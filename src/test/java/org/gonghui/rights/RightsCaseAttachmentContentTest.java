package org.gonghui.rights;

import static org.gonghui.rights.AttachmentSamples.CAMERA;
import static org.gonghui.rights.AttachmentSamples.COMMENT;
import static org.gonghui.rights.AttachmentSamples.XMP;
import static org.gonghui.rights.AttachmentSamples.concat;
import static org.gonghui.rights.AttachmentSamples.contains;
import static org.gonghui.rights.AttachmentSamples.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.png.PngImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.gonghui.rights.RightsCaseAttachmentContent.Checked;
import org.gonghui.rights.RightsCaseAttachmentContent.Kind;
import org.gonghui.support.ErrorCode;
import org.gonghui.support.ValidationException;
import org.junit.jupiter.api.Test;

/** Deciding an attachment's type from its content, and removing image metadata, without the service. */
class RightsCaseAttachmentContentTest {

    @Test
    void aPhoneJpegLosesExifGpsXmpAndCommentAndStillDecodes() {
        byte[] photo = AttachmentSamples.jpegWithExifAndGps();
        assertTrue(contains(photo, "Exif\0\0") && contains(photo, CAMERA) && contains(photo, COMMENT) && contains(photo, XMP));
        BufferedImage original = decode(photo);
        assertNotNull(original, "the sample itself is a JPEG that javax.imageio reads");

        Checked checked = RightsCaseAttachmentContent.check(photo);

        assertEquals(Kind.JPEG, checked.kind());
        byte[] stored = checked.bytes();
        assertFalse(contains(stored, "Exif"), "EXIF segment removed");
        assertFalse(contains(stored, CAMERA), "camera make removed");
        assertFalse(contains(stored, COMMENT), "comment removed");
        assertFalse(contains(stored, XMP), "XMP removed");
        assertFalse(AttachmentSamples.hasApp1OrComment(stored));
        BufferedImage image = decode(stored);
        assertNotNull(image, "still a JPEG javax.imageio decodes");
        assertEquals(original.getWidth(), image.getWidth());
        assertEquals(original.getHeight(), image.getHeight());
        assertEquals(original.getRGB(32, 24), image.getRGB(32, 24), "the same pixels: the image data is copied as it was");
    }

    @Test
    void anIndependentParserReadsTheSamplesGpsPositionAndTextAndFindsNoneInWhatIsStored() throws Exception {
        byte[] photo = AttachmentSamples.jpegWithExifAndGps();
        TiffImageMetadata.GpsInfo gps = ((JpegImageMetadata) Imaging.getMetadata(photo)).getExif().getGpsInfo();
        assertEquals(34 + 40 / 60.0 + 12.34 / 3600, gps.getLatitudeAsDegreesNorth(), 1e-9);
        assertEquals(112 + 27 / 60.0 + 56.78 / 3600, gps.getLongitudeAsDegreesEast(), 1e-9);
        ImageMetadata stored = Imaging.getMetadata(RightsCaseAttachmentContent.check(photo).bytes());
        assertTrue(stored == null || stored instanceof JpegImageMetadata jpeg && jpeg.getExif() == null && jpeg.getPhotoshop() == null,
                () -> "metadata left: " + stored);

        byte[] png = AttachmentSamples.pngWithTextAndExif();
        PngImageMetadata before = (PngImageMetadata) Imaging.getMetadata(png);
        assertNotNull(before.getExif().getGpsInfo(), "the eXIf chunk carries the GPS position");
        assertFalse(before.getTextualInformation().getItems().isEmpty(), "the tEXt and iTXt chunks are read");
        ImageMetadata storedPng = Imaging.getMetadata(RightsCaseAttachmentContent.check(png).bytes());
        assertTrue(storedPng == null || storedPng instanceof PngImageMetadata p && p.getExif() == null && p.getTextualInformation().getItems().isEmpty(),
                () -> "metadata left: " + storedPng);
    }

    @Test
    void aProgressiveJpegWithSeveralScansIsStoredByteForByte() {
        byte[] progressive = AttachmentSamples.plainJpeg(120, 80, true);
        Checked checked = RightsCaseAttachmentContent.check(progressive);
        assertEquals(Kind.JPEG, checked.kind());
        assertArrayEquals(progressive, checked.bytes(), "a JPEG without metadata is stored byte for byte");
        assertNotNull(decode(checked.bytes()));
    }

    @Test
    void bytesAfterTheEndOfAJpegAreDropped() {
        byte[] plain = AttachmentSamples.plainJpeg(16, 16, false);
        byte[] withZip = concat(plain, "PK\3\4hidden archive".getBytes(StandardCharsets.ISO_8859_1));
        assertArrayEquals(plain, RightsCaseAttachmentContent.check(withZip).bytes());
    }

    @Test
    void aPngLosesItsTextITxtAndExifChunksAndStillDecodes() {
        byte[] png = AttachmentSamples.pngWithTextAndExif();
        assertNotNull(decode(png));
        Checked checked = RightsCaseAttachmentContent.check(png);
        assertEquals(Kind.PNG, checked.kind());
        byte[] stored = checked.bytes();
        for (String gone : new String[] { "tEXt", "iTXt", "eXIf", CAMERA, COMMENT, XMP }) {
            assertFalse(contains(stored, gone), gone + " removed");
        }
        BufferedImage image = decode(stored);
        assertEquals(40, image.getWidth());
        assertEquals(decode(png).getRGB(20, 15), image.getRGB(20, 15));
    }

    @Test
    void palettedAndInterlacedPngsPassTheImageDataCheck() {
        for (byte[] png : new byte[][] { AttachmentSamples.plainPng(33, 17, true, false), AttachmentSamples.plainPng(33, 17, false, true),
                AttachmentSamples.plainPng(1, 1, true, true), AttachmentSamples.plainPng(257, 3, false, true) }) {
            Checked checked = RightsCaseAttachmentContent.check(png);
            assertEquals(Kind.PNG, checked.kind());
            assertNotNull(decode(checked.bytes()));
        }
    }

    @Test
    void aPdfIsAcceptedAndWhateverFollowsItsEndMarkerIsDropped() {
        byte[] pdf = AttachmentSamples.pdf();
        Checked checked = RightsCaseAttachmentContent.check(pdf);
        assertEquals(Kind.PDF, checked.kind());
        assertArrayEquals(pdf, checked.bytes());
        assertArrayEquals(pdf, RightsCaseAttachmentContent.check(concat(pdf, "<html><script>x</script>".getBytes(StandardCharsets.US_ASCII))).bytes());
    }

    @Test
    void filesThatAreNoneOfTheThreeAreValidationOnFileWithoutRepeatingTheirContent() {
        String[] disguised = {
                "<html><body><script>alert('x')</script></body></html>",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000 a zip archive",
                "GIF89a\u0001\u0000\u0001\u0000",
                "just text, a wage slip typed by hand" };
        for (String content : disguised) {
            ValidationException e = refused(content.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(e.getMessage().contains("not a JPEG, PNG or PDF"), e.getMessage());
        }
        assertTrue(refused(new byte[0]).getMessage().contains("empty"));
    }

    @Test
    void aPolyglotWithJpegMagicThatDoesNotParseIsRefused() {
        byte[] polyglot = concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 },
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));
        assertTrue(refused(polyglot).getMessage().contains("not a well-formed JPEG"));
        byte[] jpeg = AttachmentSamples.plainJpeg(32, 32, false);
        assertTrue(refused(Arrays.copyOf(jpeg, jpeg.length / 2)).getMessage().contains("not a well-formed JPEG"), "a truncated JPEG");
        byte[] noFrame = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0x00, 0x04, 'h', 'i', (byte) 0xFF, (byte) 0xD9 };
        assertTrue(refused(noFrame).getMessage().contains("no image data"));
    }

    @Test
    void aPngWithABrokenChecksumOrTruncatedImageDataIsRefused() {
        byte[] png = AttachmentSamples.plainPng(20, 20, false, false);
        byte[] badCrc = png.clone();
        badCrc[8 + 8 + 5] ^= 0x01; // a byte of the header chunk's data
        assertTrue(refused(badCrc).getMessage().contains("CRC"));
        assertTrue(refused(Arrays.copyOf(png, png.length - 20)).getMessage().contains("not a well-formed PNG"));
        // 4 rows of a filter byte and 4 grey pixels: 20 bytes
        assertTrue(refused(pngWithImageData(4, 4, new byte[19])).getMessage().contains("shorter"));
        assertTrue(refused(pngWithImageData(4, 4, new byte[21])).getMessage().contains("longer"));
        byte[] badFilter = new byte[20];
        badFilter[5] = 9;
        assertTrue(refused(pngWithImageData(4, 4, badFilter)).getMessage().contains("filter type"));
        assertEquals(Kind.PNG, RightsCaseAttachmentContent.check(pngWithImageData(4, 4, new byte[20])).kind());
    }

    @Test
    void aPngClaimingMoreThanFiftyMegapixelsIsRefusedBeforeItsDataIsInflated() {
        assertTrue(refused(pngWithImageData(10_000, 10_000, new byte[16])).getMessage().contains("pixels"));
    }

    @Test
    void aPdfWithoutItsEndMarkerOrWithABrokenStartxrefIsRefused() {
        String pdf = new String(AttachmentSamples.pdf(), StandardCharsets.US_ASCII);
        assertTrue(refused(pdf.replace("%%EOF", "").getBytes(StandardCharsets.US_ASCII)).getMessage().contains("end-of-file marker"));
        assertTrue(refused(pdf.replaceAll("startxref\n[0-9]+", "startxref\n12").getBytes(StandardCharsets.US_ASCII)).getMessage().contains("startxref"));
        assertTrue(refused("%PDF-1.4\n<html>not really</html>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).getMessage().contains("startxref"));
        assertTrue(refused("%PDF-x".getBytes(StandardCharsets.US_ASCII)).getMessage().contains("header"));
    }

    private static ValidationException refused(byte[] content) {
        ValidationException e = assertThrows(ValidationException.class, () -> RightsCaseAttachmentContent.check(content));
        assertEquals(ErrorCode.VALIDATION, e.errorCode());
        assertTrue(e.getMessage().startsWith("file: "), e.getMessage());
        assertFalse(e.getMessage().contains("<") || e.getMessage().contains("script"), "the content is not repeated: " + e.getMessage());
        return e;
    }

    /** An 8-bit grey PNG of the given size whose (uncompressed) image data is {@code raw}. */
    static byte[] pngWithImageData(int width, int height, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        AttachmentSamples.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        AttachmentSamples.chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        AttachmentSamples.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }
}
