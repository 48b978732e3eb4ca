package org.gonghui.rights;

import static io.restassured.RestAssured.given;
import static org.gonghui.rights.AttachmentSamples.CAMERA;
import static org.gonghui.rights.AttachmentSamples.contains;
import static org.gonghui.rights.AttachmentSamples.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.gonghui.member.PersonalDataRotation;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;

/**
 * Attachments of rights cases over REST: who may add and download them (the case's reach), what is
 * stored (checked type, no image metadata, encrypted), the headers of a download, the limits (size,
 * per case, per worker and day) and the records each act leaves (step, audit). Cases are inserted as
 * rows (the case API is built beside this); they are handled by 41030611 河阳保安, whose parent is
 * 4103061 河阳街道, below 410306 吉利区.
 */
@QuarkusTestWithOidc
class RightsCaseAttachmentTests {

    static final long HEYANG_BAOAN = 41030611;
    static final String OWN_OFFICIAL = Tokens.forDemoUser("heyang-baoan");
    static final String PARENT_OFFICIAL = Tokens.forDemoUser("heyang");
    static final String COUNTY_OFFICIAL = Tokens.forDemoUser("jili");
    static final String SIBLING_OFFICIAL = Tokens.forDemoUser("shunda");
    static final String OTHER_TOWNSHIP_OFFICIAL = Tokens.forDemoUser("kangle");
    static final String REASON = "核实工资拖欠情况 (checking the wage arrears)";

    @Inject
    DataSource dataSource;

    @Inject
    PersonalData personalData;

    @Inject
    RightsCaseAttachmentService attachments;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    PersonalDataRotation rotation;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    // --- fixtures and helpers

    /** A worker's login of its own (a fresh daily allowance): its token and subject. */
    record Worker(String token, String subject) {
        static Worker fresh() {
            String name = "att-" + UUID.randomUUID();
            return new Worker(Tokens.signed(Tokens.token(name, List.of("member"), null)), "sub-" + name);
        }
    }

    /** A case of the worker handled by 河阳保安, as the case API would have written it (its description is not read here). */
    long newCase(String workerSubject, String status) {
        String sql = """
                insert into rights_case (category, channel, status, worker_subject, description_cipher, description_key,
                                         received_union_id, handling_union_id, submitted_by, accept_due, declined_at, decline_reason)
                values ('WAGE_ARREARS', 'APP', ?, ?, ?, ?, ?, ?, ?, current_date + 3,
                        case when ? = 'DECLINED' then now() end, case when ? = 'DECLINED' then '不属于受理范围' end)
                returning id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            PersonalData.Sealed description = personalData.encrypt(Purpose.RIGHTS_CASE_TEXT, "公司拖欠三个月工资 (three months of wages unpaid)");
            s.setString(1, status);
            s.setString(2, workerSubject);
            s.setBytes(3, description.ciphertext());
            s.setString(4, description.keyId());
            s.setLong(5, HEYANG_BAOAN);
            s.setLong(6, HEYANG_BAOAN);
            s.setString(7, workerSubject);
            s.setString(8, status);
            s.setString(9, status);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response upload(String token, Object caseId, byte[] file, String declaredType) {
        var request = given().contentType(declaredType).body(file);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/rights-cases/" + caseId + "/attachments");
    }

    static Response download(String token, Object caseId, Object attachmentId, String reason) {
        var request = given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (reason != null) {
            request.queryParam("reason", reason);
        }
        return request.get("/rights-cases/" + caseId + "/attachments/" + attachmentId);
    }

    static void assertError(Response response, int status, String code, String messageStart) {
        assertEquals(status, response.statusCode(), response::asString);
        assertEquals(code, response.jsonPath().getString("errors[0].extensions.code"), response::asString);
        String message = response.jsonPath().getString("errors[0].message");
        assertNotNull(message);
        if (messageStart != null) {
            assertTrue(message.startsWith(messageStart), message);
        }
    }

    long count(String sql) {
        return DemoData.queryLong(dataSource, sql);
    }

    long attachmentRows() {
        return count("select count(*) from rights_case_attachment");
    }

    /** A distinct small PNG per n (so that its keyed hash differs). */
    static byte[] png(int n) {
        return AttachmentSamples.plainPng(10 + n, 10, false, false);
    }

    // --- the worker

    @Test
    void theWorkerUploadsAPhoneJpegThatIsStoredEncryptedWithoutExifAndDownloadsItWithSafeHeaders() throws Exception {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "SUBMITTED");
        byte[] photo = AttachmentSamples.jpegWithExifAndGps();

        Response added = upload(worker.token(), caseId, photo, "image/jpeg");

        assertEquals(201, added.statusCode(), added::asString);
        String id = added.jsonPath().getString("id");
        assertEquals("image/jpeg", added.jsonPath().getString("contentType"));
        assertTrue(added.jsonPath().getBoolean("uploadedByWorker"));
        String path = "/rights-cases/" + caseId + "/attachments/" + id;
        assertEquals(path, added.jsonPath().getString("downloadPath"));
        assertTrue(added.header("Location").endsWith(path), added.header("Location"));

        // stored: encrypted under the active key, the step the worker sees, an audit record
        assertEquals("test-1", DemoData.queryString(dataSource, "select content_key from rights_case_attachment where id = " + id));
        assertEquals(0, count("select count(*) from rights_case_attachment where id = " + id
                + " and position('JFIF'::bytea in content_cipher) > 0"),
                "no picture bytes in clear");
        assertEquals(1, count("select count(*) from rights_case_step where case_id = " + caseId + " and kind = 'ATTACHMENT_ADDED' and not internal"
                + " and union_id = " + HEYANG_BAOAN + " and actor = '" + worker.subject() + "'"));
        assertEquals(1, count("select count(*) from audit_event where operation = 'addRightsCaseAttachment' and target_id = " + caseId
                + " and target_union_id = " + HEYANG_BAOAN + " and actor_subject = '" + worker.subject() + "'"));

        Response file = download(worker.token(), caseId, id, null);

        assertEquals(200, file.statusCode(), file::asString);
        assertEquals("image/jpeg", file.contentType());
        assertEquals("attachment; filename=\"case-" + caseId + "-" + id + ".jpg\"", file.header("Content-Disposition"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"));
        assertEquals("sandbox; default-src 'none'", file.header("Content-Security-Policy"));
        assertEquals("no-store", file.header("Cache-Control"));
        byte[] content = file.asByteArray();
        assertFalse(contains(content, "Exif"), "no EXIF segment");
        assertFalse(contains(content, CAMERA), "no camera make");
        assertFalse(contains(content, new byte[] { 'N', 0, 0, 0, 0, 2 }), "no GPS latitude");
        assertFalse(AttachmentSamples.hasApp1OrComment(content));
        ImageMetadata metadata = Imaging.getMetadata(content);
        assertTrue(metadata == null || metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() == null, () -> "metadata left: " + metadata);
        BufferedImage image = decode(content);
        assertNotNull(image, "the downloaded picture still decodes");
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        assertEquals(content.length, Integer.parseInt(added.jsonPath().getString("sizeBytes")));
        assertEquals(1, count("select count(*) from audit_event where operation = 'downloadRightsCaseAttachment' and target_id = " + caseId
                + " and actor_subject = '" + worker.subject() + "' and actor_union_id is null"));

        Response list = given().header("Authorization", "Bearer " + worker.token()).get("/rights-cases/" + caseId + "/attachments");
        assertEquals(200, list.statusCode(), list::asString);
        assertEquals(List.of(id), list.jsonPath().getList("attachments.id", String.class));
    }

    @Test
    void aWorkerCannotAddToADeclinedCaseButItsHandlingOfficialsStillCan() {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "DECLINED");
        assertError(upload(worker.token(), caseId, png(1), "image/png"), 409, "CONFLICT", "id: ");
        assertEquals(0, attachmentRows());
        assertEquals(201, upload(OWN_OFFICIAL, caseId, png(1), "image/png").statusCode());
    }

    @Test
    void uploadingTheSameFileAgainAnswersTheFirstAttachmentAndStoresNothingMore() {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "SUBMITTED");
        Response first = upload(worker.token(), caseId, AttachmentSamples.pdf(), "application/pdf");
        assertEquals(201, first.statusCode(), first::asString);
        Response again = upload(worker.token(), caseId, AttachmentSamples.pdf(), "application/octet-stream");
        assertEquals(200, again.statusCode(), again::asString);
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(1, attachmentRows());
        assertEquals(1, count("select count(*) from rights_case_step where kind = 'ATTACHMENT_ADDED'"));
    }

    // --- officials

    @Test
    void officialsOfTheHandlingUnionAndTheUnionAboveAddAndDownloadWithAnAuditedReason() {
        long caseId = newCase(Worker.fresh().subject(), "SUBMITTED");
        // a PDF sent as a JPEG is a PDF: the content decides
        Response pdf = upload(OWN_OFFICIAL, caseId, AttachmentSamples.pdf(), "image/jpeg");
        assertEquals(201, pdf.statusCode(), pdf::asString);
        assertEquals("application/pdf", pdf.jsonPath().getString("contentType"));
        assertFalse(pdf.jsonPath().getBoolean("uploadedByWorker"));
        Response png = upload(PARENT_OFFICIAL, caseId, AttachmentSamples.pngWithTextAndExif(), "image/png");
        assertEquals(201, png.statusCode(), png::asString);
        assertEquals("image/png", png.jsonPath().getString("contentType"));

        String pdfId = pdf.jsonPath().getString("id");
        assertError(download(PARENT_OFFICIAL, caseId, pdfId, null), 400, "VALIDATION", "reason: ");
        assertError(download(PARENT_OFFICIAL, caseId, pdfId, "   "), 400, "VALIDATION", "reason: ");
        assertEquals(0, count("select count(*) from audit_event where operation = 'downloadRightsCaseAttachment'"), "a refused read is not a read");

        Response file = download(PARENT_OFFICIAL, caseId, pdfId, REASON);
        assertEquals(200, file.statusCode(), file::asString);
        assertEquals("application/pdf", file.contentType());
        assertEquals("attachment; filename=\"case-" + caseId + "-" + pdfId + ".pdf\"", file.header("Content-Disposition"));
        assertArrayEquals(AttachmentSamples.pdf(), file.asByteArray());
        assertEquals(REASON, DemoData.queryString(dataSource, "select reason from audit_event where operation = 'downloadRightsCaseAttachment'"
                + " and actor_subject = 'sub-heyang' and actor_union_id = 4103061 and target_id = " + caseId));

        // a browser console on another origin may read the generated file name
        Response fromConsole = given().header("Authorization", "Bearer " + PARENT_OFFICIAL).header("Origin", "https://console.example.gov.cn")
                .queryParam("reason", REASON).get("/rights-cases/" + caseId + "/attachments/" + pdfId);
        assertEquals(200, fromConsole.statusCode(), fromConsole::asString);
        assertTrue(fromConsole.header("Access-Control-Expose-Headers").contains("Content-Disposition"), fromConsole.headers()::toString);

        Response image = download(OWN_OFFICIAL, caseId, png.jsonPath().getString("id"), REASON);
        assertEquals(200, image.statusCode(), image::asString);
        assertEquals("image/png", image.contentType());
        assertFalse(contains(image.asByteArray(), "eXIf") || contains(image.asByteArray(), "tEXt"));
        assertNotNull(decode(image.asByteArray()));
        assertEquals(3, count("select count(*) from audit_event where operation = 'downloadRightsCaseAttachment'"));
    }

    @Test
    void officialsHigherUpAreForbiddenToAddAndSeeNoAttachmentAsIfThereWereNone() {
        long caseId = newCase(Worker.fresh().subject(), "SUBMITTED");
        String id = upload(OWN_OFFICIAL, caseId, png(1), "image/png").jsonPath().getString("id");
        String fingerprint = DemoData.fingerprint(dataSource);

        assertError(upload(COUNTY_OFFICIAL, caseId, png(2), "image/png"), 403, "FORBIDDEN", "id: ");
        assertError(download(COUNTY_OFFICIAL, caseId, id, REASON), 404, "NOT_FOUND", "id: ");
        assertError(given().header("Authorization", "Bearer " + COUNTY_OFFICIAL).get("/rights-cases/" + caseId + "/attachments"), 404, "NOT_FOUND", "id: ");

        assertEquals(fingerprint, DemoData.fingerprint(dataSource), "nothing stored, nothing audited");
    }

    @Test
    void aUnionThatReferredTheCaseUpKeepsItsSummaryButNotTheMaterial() {
        long caseId = newCase(Worker.fresh().subject(), "SUBMITTED");
        // 顺达商贸 (41030612) received the case and referred it to 河阳保安
        DemoData.execute(dataSource, "update rights_case set received_union_id = 41030612, referred_from_union_ids = '{41030612}' where id = " + caseId);
        String id = upload(OWN_OFFICIAL, caseId, png(1), "image/png").jsonPath().getString("id");
        String fingerprint = DemoData.fingerprint(dataSource);

        assertError(upload(SIBLING_OFFICIAL, caseId, png(2), "image/png"), 403, "FORBIDDEN", "id: ");
        assertError(download(SIBLING_OFFICIAL, caseId, id, REASON), 404, "NOT_FOUND", "id: ");

        assertEquals(fingerprint, DemoData.fingerprint(dataSource));
    }

    @Test
    void anotherWorkerOfficialsOutsideAndAnonymousCallersLearnNothingAboutTheCase() {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "SUBMITTED");
        String id = upload(worker.token(), caseId, png(1), "image/png").jsonPath().getString("id");
        long otherCase = newCase(worker.subject(), "SUBMITTED");
        String fingerprint = DemoData.fingerprint(dataSource);
        Response missing = upload(OWN_OFFICIAL, 999_999_999, png(2), "image/png");
        assertError(missing, 404, "NOT_FOUND", "id: ");

        for (String token : List.of(Worker.fresh().token(), SIBLING_OFFICIAL, OTHER_TOWNSHIP_OFFICIAL, Tokens.forDemoUser("jilin"))) {
            Response refused = upload(token, caseId, png(2), "image/png");
            assertError(refused, 404, "NOT_FOUND", "id: ");
            assertEquals(missing.jsonPath().getString("errors[0].message").replace("999999999", Long.toString(caseId)),
                    refused.jsonPath().getString("errors[0].message"), "answered exactly like a case that does not exist");
            assertError(download(token, caseId, id, REASON), 404, "NOT_FOUND", "id: ");
        }
        assertError(upload(null, caseId, png(2), "image/png"), 401, "UNAUTHENTICATED", null);
        assertError(download(null, caseId, id, null), 401, "UNAUTHENTICATED", null);
        assertError(download(worker.token(), caseId, 999_999_999, null), 404, "NOT_FOUND", "attachmentId: ");
        assertError(download(worker.token(), otherCase, id, null), 404, "NOT_FOUND", "attachmentId: ");
        assertEquals(fingerprint, DemoData.fingerprint(dataSource), "nothing stored, nothing audited");
    }

    @Test
    void idsInThePathParseStrictly() {
        assertError(upload(OWN_OFFICIAL, "abc", png(1), "image/png"), 400, "VALIDATION", "id: ");
        assertError(upload(OWN_OFFICIAL, "0100", png(1), "image/png"), 400, "VALIDATION", "id: ");
        assertError(download(OWN_OFFICIAL, "100000000", "-1", REASON), 400, "VALIDATION", "attachmentId: ");
        assertEquals(0, attachmentRows());
    }

    // --- content

    @Test
    void disguisedAndMalformedFilesAreValidationOnFileAndNothingIsStored() {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "SUBMITTED");
        String fingerprint = DemoData.fingerprint(dataSource);
        byte[][] files = {
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8),
                "PK\u0003\u0004 zip".getBytes(StandardCharsets.ISO_8859_1),
                AttachmentSamples.concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x04, 0, 0 },
                        "<html>polyglot</html>".getBytes(StandardCharsets.US_ASCII)),
                new byte[0] };
        for (byte[] file : files) {
            Response refused = upload(OWN_OFFICIAL, caseId, file, "image/jpeg");
            assertError(refused, 400, "VALIDATION", "file: ");
            assertFalse(refused.asString().contains("<html") || refused.asString().contains("svg"), refused::asString);
        }
        assertEquals(0, attachmentRows());
        assertEquals(0, count("select count(*) from rights_case_step"));
        assertEquals(fingerprint, DemoData.fingerprint(dataSource));
    }

    // --- limits

    @Test
    void anAnnouncedBodyOverTenMegabytesIsRefusedWith413BeforeItIsRead() throws IOException {
        long caseId = newCase(Worker.fresh().subject(), "SUBMITTED");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /rights-cases/" + caseId + "/attachments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OWN_OFFICIAL
                    + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + (10L * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(AttachmentSamples.plainJpeg(8, 8, false));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"code\":\"LIMIT_EXCEEDED\""), response);
        }
        assertEquals(0, attachmentRows());
    }

    @Test
    void aBodyWithoutLengthThatGrowsPastTenMegabytesIsRefusedWhileRead() throws Exception {
        long caseId = newCase(Worker.fresh().subject(), "SUBMITTED");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(AttachmentSamples.pdf(), 0, big, 0, AttachmentSamples.pdf().length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString() + "rights-cases/" + caseId + "/attachments"))
                .header("Authorization", "Bearer " + OWN_OFFICIAL).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(); // chunked: no Content-Length
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"code\":\"LIMIT_EXCEEDED\""), response::body);
        assertEquals(0, attachmentRows());
    }

    @Test
    void theEleventhAttachmentOfACaseIsLimitExceeded() {
        long caseId = newCase(Worker.fresh().subject(), "SUBMITTED");
        for (int n = 1; n <= 10; n++) {
            Response added = upload(OWN_OFFICIAL, caseId, png(n), "image/png");
            assertEquals(201, added.statusCode(), added::asString);
        }
        assertError(upload(PARENT_OFFICIAL, caseId, png(11), "image/png"), 413, "LIMIT_EXCEEDED", "id: ");
        assertEquals(10, attachmentRows());
        assertEquals(10, count("select count(*) from rights_case_step where kind = 'ATTACHMENT_ADDED'"));
    }

    @Test
    void aWorkersUploadsBeyondTheirDailyAllowanceAreRateLimited() {
        // %test allowance: 6 in any 24 hours, 3 of them at once
        Worker worker = Worker.fresh();
        long first = newCase(worker.subject(), "SUBMITTED");
        long second = newCase(worker.subject(), "SUBMITTED");
        assertEquals(201, upload(worker.token(), first, png(1), "image/png").statusCode());
        assertEquals(201, upload(worker.token(), second, png(2), "image/png").statusCode());
        assertEquals(201, upload(worker.token(), first, png(3), "image/png").statusCode());
        Response limited = upload(worker.token(), second, png(4), "image/png");
        assertError(limited, 429, "RATE_LIMITED", null);
        assertNotNull(limited.header("Retry-After"));
        assertEquals(3, attachmentRows());
        // an official of the handling union is not bound by the worker's allowance
        assertEquals(201, upload(OWN_OFFICIAL, second, png(4), "image/png").statusCode());
    }

    // --- the batch loader

    @Test
    void theAttachmentsOfManyCasesAreReadInOneStatementWithoutTheirContent() {
        Worker worker = Worker.fresh();
        long a = newCase(worker.subject(), "SUBMITTED");
        long b = newCase(worker.subject(), "SUBMITTED");
        long none = newCase(worker.subject(), "SUBMITTED");
        String a1 = upload(OWN_OFFICIAL, a, png(1), "image/png").jsonPath().getString("id");
        String a2 = upload(worker.token(), a, AttachmentSamples.pdf(), "application/pdf").jsonPath().getString("id");
        String b1 = upload(PARENT_OFFICIAL, b, AttachmentSamples.plainJpeg(8, 8, false), "image/jpeg").jsonPath().getString("id");

        sessionFactory.getStatistics().clear();
        Map<Long, List<RightsCaseAttachment>> byCase = QuarkusTransaction.requiringNew().call(() -> attachments.attachmentsOf(List.of(a, b, none)));
        assertEquals(1, sessionFactory.getStatistics().getPrepareStatementCount(), "one statement for every case");

        assertEquals(List.of(a1, a2), byCase.get(a).stream().map(x -> Long.toString(x.id)).toList());
        assertEquals(List.of(b1), byCase.get(b).stream().map(x -> Long.toString(x.id)).toList());
        assertNull(byCase.get(none));
        RightsCaseAttachment pdf = byCase.get(a).get(1);
        assertEquals("application/pdf", pdf.contentType);
        assertTrue(pdf.uploadedByWorker);
        assertFalse(byCase.get(a).get(0).uploadedByWorker);
        assertEquals(AttachmentSamples.pdf().length, pdf.sizeBytes);
        assertEquals("/rights-cases/" + a + "/attachments/" + a2, pdf.downloadPath);
        assertNotNull(pdf.uploadedAt);
    }

    // --- the nested field RightsCase.attachments

    @Test
    void theCaseListsItsAttachmentsForTheWorkerAndTheHandlingOfficialsAndNullForOfficialsFurtherUp() {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "SUBMITTED");
        String id = upload(worker.token(), caseId, AttachmentSamples.pdf(), "application/pdf").jsonPath().getString("id");
        String query = "{ rightsCase(id: \"" + caseId + "\") { id attachments { id contentType uploadedByWorker downloadPath } } }";

        for (String token : List.of(worker.token(), OWN_OFFICIAL, PARENT_OFFICIAL)) {
            GraphQLClient.Result seen = GraphQLClient.post(token, query);
            assertFalse(seen.hasErrors(), seen::toString);
            assertEquals(List.of(id), seen.data("rightsCase.attachments.id"), seen::toString);
            assertEquals(List.of("application/pdf"), seen.data("rightsCase.attachments.contentType"));
            assertEquals(List.of("/rights-cases/" + caseId + "/attachments/" + id), seen.data("rightsCase.attachments.downloadPath"));
        }
        // the county sees the case's summary, never its material
        GraphQLClient.Result county = GraphQLClient.post(COUNTY_OFFICIAL, query);
        assertFalse(county.hasErrors(), county::toString);
        assertEquals(Long.toString(caseId), county.data("rightsCase.id"));
        assertNull(county.data("rightsCase.attachments"));
        // a sibling union does not see the case at all
        GraphQLClient.Result sibling = GraphQLClient.post(SIBLING_OFFICIAL, query);
        assertEquals("NOT_FOUND", sibling.errorCode(), sibling::toString);
        assertNull(sibling.data("rightsCase"));
    }

    // --- key rotation

    @Test
    void anAttachmentEncryptedUnderARetiredKeyIsReencryptedUnderTheActiveOneAndStillDownloads() throws SQLException {
        Worker worker = Worker.fresh();
        long caseId = newCase(worker.subject(), "SUBMITTED");
        byte[] pdf = AttachmentSamples.pdf();
        String id = upload(worker.token(), caseId, pdf, "application/pdf").jsonPath().getString("id");
        // as if written before the rotation: sealed under test-old, a key the test profile still lists
        PersonalData old = new PersonalData("test-old:fjiBhPWDxUthFdgV0hmXcNK4mcQQgb22P/91dm3dgNs=", "test-old",
                "gWZfmFsXFvINsBapN1+kgLMFydl2ZWKupzNqh2jp0XI=");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update rights_case_attachment set content_cipher = ?, content_key = 'test-old' where id = ?")) {
            s.setBytes(1, old.encrypt(Purpose.RIGHTS_ATTACHMENT, pdf).ciphertext());
            s.setLong(2, Long.parseLong(id));
            assertEquals(1, s.executeUpdate());
        }
        assertArrayEquals(pdf, download(worker.token(), caseId, id, null).asByteArray(), "readable under the retired key");

        int changed = 0;
        for (int rows; (rows = rotation.reencryptBatch()) > 0; ) {
            changed += rows;
        }
        assertTrue(changed >= 1, "the attachment was re-encrypted");

        assertEquals("test-1", DemoData.queryString(dataSource, "select content_key from rights_case_attachment where id = " + id));
        assertArrayEquals(pdf, download(worker.token(), caseId, id, null).asByteArray());
        assertEquals(0, rotation.reencryptBatch(), "nothing left under the retired key");
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
                if (bytes.toString(StandardCharsets.UTF_8).contains("}]}")) {
                    break;
                }
            }
        } catch (SocketException e) {
            // the server closed the connection after answering
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
