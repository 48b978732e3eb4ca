package org.gonghui.member;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.roster.RosterImportWorker;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Roster imports (登记造册): POST /imports/roster queues a job, a background worker validates every
 * row and writes all or nothing (or the valid rows with partial=true), and officials poll the job
 * with GraphQL. Union 41030611 河阳保安工会 and its official heyang-baoan are the usual setting.
 */
@QuarkusTestWithOidc
class RosterImportTests {

    static final long HEYANG_BAOAN = 41030611;
    static final String OFFICIAL = Tokens.forDemoUser("heyang-baoan");
    static final String HEADER = "姓名,身份证号,手机号,工作单位,统一社会信用代码,职业,重点群体,新就业形态,农民工,入会日期";
    static final String CREDIT_CODE = "91410306MA44X1B2CC";
    /** 何强, an ACTIVE demo member of 河阳保安工会. */
    static final String HE_QIANG_ID = id("41030619850312011");
    static final String JOB = """
            query($id: ID!) { rosterImport(id: $id) { id unionId union { id name } state dryRun partial encoding sizeBytes totalRows
              processedRows validRows failedRows writtenRows failuresTruncated message requestedBy createdAt startedAt finishedAt
              failures(first: 100) { edges { cursor node { row column code message } } pageInfo { hasNextPage endCursor } } } }""";

    @Inject
    DataSource dataSource;

    @Inject
    PersonalData personalData;

    @Inject
    RosterImportWorker worker;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    // --- helpers

    /** A valid ID number: the 17 digits and their check character. */
    static String id(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** The n-th fictional person's ID number: registered in Luolong district (no demo member is), born 1980-1999. */
    static String personId(int n) {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(n % 7000);
        return id("410311" + birth.toString().replace("-", "") + String.format("%03d", n / 7000 % 1000));
    }

    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static byte[] utf8(String... lines) {
        return csv(lines).getBytes(StandardCharsets.UTF_8);
    }

    static Response upload(String token, String query, byte[] body) {
        return upload(token, query, body, Map.of());
    }

    static Response upload(String token, String query, byte[] body, Map<String, String> headers) {
        var request = given().contentType("text/csv").headers(headers).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/imports/roster?" + query);
    }

    /** Uploads and waits for the job's end; the job as GraphQL shows it. */
    JsonPath importRoster(String query, byte[] body) {
        Response response = upload(OFFICIAL, query, body);
        assertEquals(202, response.statusCode(), response::asString);
        assertEquals("QUEUED", response.jsonPath().getString("state"));
        return awaitEnd(OFFICIAL, response.jsonPath().getString("id"));
    }

    /** Polls the job until it ends (bounded). */
    static JsonPath awaitEnd(String token, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Result result = GraphQLClient.post(token, JOB, Map.of("id", id));
            assertFalse(result.hasErrors(), result::toString);
            String state = result.data("rosterImport.state");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                return result.json().setRootPath("data.rosterImport");
            }
            assertTrue(System.nanoTime() < deadline, "job " + id + " did not end within 120 s: " + result);
            pause(50);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    long count(String table) {
        return DemoData.queryLong(dataSource, "select count(*) from " + table);
    }

    /** Persons, memberships and history: what an import writes. */
    String registry() {
        return count("person") + "/" + count("membership") + "/" + count("membership_event") + "/"
                + DemoData.queryString(dataSource, "select md5(coalesce(string_agg(p::text, '|' order by id), '')) from person p");
    }

    static List<Map<String, Object>> failures(JsonPath job) {
        return job.getList("failures.edges.node");
    }

    static Set<String> codes(JsonPath job) {
        return failures(job).stream().map(f -> (String) f.get("code")).collect(Collectors.toSet());
    }

    static Map<String, Object> failure(JsonPath job, String code) {
        return failures(job).stream().filter(f -> code.equals(f.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no failure " + code + " in " + failures(job)));
    }

    static String row(String name, String idNumber, String phone) {
        return String.join(",", name, idNumber, phone, "洛阳河阳保安服务有限公司", CREDIT_CODE, "保安员", "保安员", "否", "否", "2024-03-01");
    }

    // --- happy paths

    @Test
    void utf8RosterWithoutBomIsImportedAndItsMembersAppearMasked() {
        String before = count("person") + "/" + count("membership");
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, utf8(HEADER,
                row("刘一", personId(1), "13903790001"),
                row("陈二", personId(2), "13903790002"),
                "张三," + personId(3) + ",,,,,快递员、网约送餐员,是,1,2023/7/1"));
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("UTF-8", job.getString("encoding"));
        assertEquals(3, job.getInt("totalRows"));
        assertEquals(3, job.getInt("processedRows"));
        assertEquals(3, job.getInt("validRows"));
        assertEquals(0, job.getInt("failedRows"));
        assertEquals(3, job.getInt("writtenRows"));
        assertEquals("sub-heyang-baoan", job.getString("requestedBy"));
        assertEquals("41030611", job.getString("union.id"));
        assertEquals("洛阳河阳保安服务有限公司工会", job.getString("union.name"));
        assertNotNull(job.getString("finishedAt"));
        assertEquals(List.of(), failures(job));
        assertFalse(before.equals(count("person") + "/" + count("membership")));
        assertNull(DemoData.queryString(dataSource, "select content from roster_import where id = " + job.getString("id")),
                "the uploaded file is deleted when the job ends");
        assertEquals(3, DemoData.queryLong(dataSource, "select count(*) from membership_event where actor_subject = 'sub-heyang-baoan'"
                + " and to_status = 'ACTIVE' and from_status is null and reason = '花名册导入 (roster import #" + job.getString("id") + ")'"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'importRoster' and target_id = "
                + job.getString("id")));

        Result members = GraphQLClient.post(OFFICIAL, """
                { members(filter: {unionId: 41030611, nameStartsWith: "张"}) { edges { node {
                    name idNumber phone status cardNumber joinedOn keyGroups newEmploymentForm migrantWorker } } } }""");
        assertFalse(members.hasErrors(), members::toString);
        List<Map<String, Object>> nodes = members.data("members.edges.node");
        Map<String, Object> zhang = nodes.stream().filter(n -> "张三".equals(n.get("name"))).findFirst().orElseThrow(() -> new AssertionError(members));
        String id3 = personId(3);
        assertEquals(id3.substring(0, 3) + "***********" + id3.substring(14), zhang.get("idNumber"));
        assertNull(zhang.get("phone"));
        assertEquals("ACTIVE", zhang.get("status"));
        assertTrue(((String) zhang.get("cardNumber")).matches("GH\\d{12}"), zhang::toString);
        assertEquals("2023-07-01", zhang.get("joinedOn"));
        assertEquals(List.of("COURIER", "FOOD_DELIVERY_RIDER"), zhang.get("keyGroups"));
        assertEquals(true, zhang.get("newEmploymentForm"));
        assertEquals(true, zhang.get("migrantWorker"));
        Result liu = GraphQLClient.post(OFFICIAL, "{ members(filter: {unionId: 41030611, nameStartsWith: \"刘一\"}) { edges { node { phone joinedOn } } } }");
        assertEquals("139****0001", liu.data("members.edges[0].node.phone"), liu::toString);
    }

    @Test
    void theExampleRosterOfTheReadmePassesADryRun() throws IOException {
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", Files.readAllBytes(Path.of("docs/roster-example.csv")));
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(5, job.getInt("validRows"));
        assertEquals(0, job.getInt("writtenRows"));
    }

    @Test
    void utf8WithByteOrderMarkAndEnglishHeadersInAnyOrderIsRead() {
        byte[] text = utf8("phone,idNumber,NAME,joinedOn", "13903790011," + personId(11) + ",王五,", "," + personId(12) + ",赵六,2020-01-31");
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, withBom);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("UTF-8", job.getString("encoding"));
        assertEquals(2, job.getInt("writtenRows"));
        assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), DemoData.queryString(dataSource,
                "select m.joined_on::text from membership m join person p on p.id = m.person_id where p.name = '王五'"),
                "an empty join date means today in China");
    }

    @Test
    void gbkExportIsDetectedAndReadAsGb18030() {
        byte[] gbk = csv(HEADER, row("欧阳娜娜", personId(21), "13903790021"), row("司马光", personId(22), "")).getBytes(Charset.forName("GBK"));
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, gbk);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("GB18030", job.getString("encoding"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from person where name = '欧阳娜娜'"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from membership m join person p on p.id = m.person_id"
                + " where p.name = '司马光' and m.employer_name = '洛阳河阳保安服务有限公司' and m.key_groups = '{SECURITY_GUARD}'"));
    }

    @Test
    void requestedCharsetWinsOverDetection() {
        byte[] gbk = csv(HEADER, row("欧阳娜娜", personId(23), "")).getBytes(Charset.forName("GBK"));
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&charset=gbk&dryRun=true", gbk);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("GBK", job.getString("encoding"));

        JsonPath wrong = importRoster("unionId=" + HEYANG_BAOAN + "&charset=UTF-8&dryRun=true", gbk);
        assertEquals("FAILED", wrong.getString("state"), wrong.prettify());
        Map<String, Object> unreadable = failure(wrong, "UNREADABLE_FILE");
        assertEquals(1, unreadable.get("row"), "the header itself is not UTF-8");
    }

    // --- failures

    @Test
    void everyFailureIsReportedWithRowColumnAndCodeAndNothingIsWritten() {
        String registry = registry();
        String future = LocalDate.now().plusDays(10).toString();
        String bad = id("41030619900101001").substring(0, 17) + (IdNumber.checkCharacter("41030619900101001") == '0' ? "1" : "0");
        List<String> lines = new ArrayList<>(List.of(HEADER,
                row("刘一", personId(31), "13903790031"),                                                  // 2 valid
                row("", personId(32), ""),                                                                  // 3 REQUIRED 姓名
                row("陈二", bad, ""),                                                                       // 4 INVALID_ID_NUMBER
                row("张三", personId(34), "12345"),                                                         // 5 INVALID_PHONE
                "李四," + personId(35) + ",,某公司,91410306MA44X1B2C0,,,,,",                                 // 6 INVALID_CREDIT_CODE
                "王五," + personId(36) + ",,,,,,,,2024-02-30",                                              // 7 INVALID_DATE
                "赵六," + personId(37) + ",,,,,,,," + future,                                              // 8 FUTURE_DATE
                "孙七," + personId(38) + ",,,,,飞行员,,,",                                                   // 9 UNKNOWN_KEY_GROUP
                "周八," + personId(39) + ",,,,,,,也许,",                                                     // 10 INVALID_FLAG
                "吴九," + personId(40) + ",,,,,,,,,多余",                                                    // 11 WRONG_FIELD_COUNT
                row("刘一", personId(31), ""),                                                              // 12 DUPLICATE_IN_FILE of row 2
                row("何强", HE_QIANG_ID, ""),                                                               // 13 ALREADY_MEMBER
                row("黄丽", id("41030620000202122"), ""),                                                    // 14 APPLICATION_PENDING
                row("张明", id("41030619600220042"), ""),                                                    // 15 NAME_MISMATCH (张敏's number)
                "郑十一," + personId(46) + ",,,," + "很长".repeat(60) + ",,,,"));                           // 16 TOO_LONG 职业
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, utf8(lines.toArray(String[]::new)));

        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertEquals(15, job.getInt("totalRows"));
        assertEquals(15, job.getInt("processedRows"));
        assertEquals(1, job.getInt("validRows"));
        assertEquals(14, job.getInt("failedRows"));
        assertEquals(0, job.getInt("writtenRows"));
        assertEquals("14 行未通过校验, 未写入任何数据 (14 rows failed; nothing written)", job.getString("message"));
        assertEquals(registry, registry(), "nothing is written when a row fails");
        assertNull(DemoData.queryString(dataSource, "select content from roster_import where id = " + job.getString("id")));

        assertFailure(job, 3, "姓名", "REQUIRED");
        assertFailure(job, 4, "身份证号", "INVALID_ID_NUMBER");
        assertFailure(job, 5, "手机号", "INVALID_PHONE");
        assertFailure(job, 6, "统一社会信用代码", "INVALID_CREDIT_CODE");
        assertFailure(job, 7, "入会日期", "INVALID_DATE");
        assertFailure(job, 8, "入会日期", "FUTURE_DATE");
        assertFailure(job, 9, "重点群体", "UNKNOWN_KEY_GROUP");
        assertFailure(job, 10, "农民工", "INVALID_FLAG");
        assertFailure(job, 11, null, "WRONG_FIELD_COUNT");
        assertFailure(job, 12, "身份证号", "DUPLICATE_IN_FILE");
        assertTrue(((String) failure(job, "DUPLICATE_IN_FILE").get("message")).contains("row 2"), job::prettify);
        assertFailure(job, 13, "身份证号", "ALREADY_MEMBER");
        assertTrue(((String) failure(job, "ALREADY_MEMBER").get("message")).contains("this union"), job::prettify);
        assertFailure(job, 14, "身份证号", "APPLICATION_PENDING");
        assertFailure(job, 15, "姓名", "NAME_MISMATCH");
        assertFailure(job, 16, "职业", "TOO_LONG");

        List<Map<String, Object>> all = failures(job);
        List<Integer> rows = all.stream().map(f -> (Integer) f.get("row")).toList();
        assertEquals(rows.stream().sorted().toList(), rows, "failures come in row order");
        for (Map<String, Object> f : all) {
            String message = (String) f.get("message");
            for (String secret : List.of(bad, HE_QIANG_ID, personId(31), id("41030620000202122"), "12345", "13903790031")) {
                assertFalse(message.contains(secret), "a failure message repeats personal data: " + f);
            }
        }
    }

    @Test
    void cellsThatBreakTheTextRuleFailWithInvalidTextWhileRareCharactersAndMiddleDotsPass() {
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER,
                row("阿卜杜拉\u30FB艾买提", personId(201), ""),                                              // 2 valid
                row("𠮷田", personId(202), ""),                                                            // 3 valid (outside the BMP)
                row("王\u0000伟", personId(203), ""),                                                      // 4 NUL
                row("\u200B\u200B", personId(204), ""),                                                    // 5 nothing visible
                "李四," + personId(205) + ",,某\u202E公司,,,,,,",                                            // 6 bidi control
                "赵六," + personId(206) + ",,,,\u001B[31m快递员,,,,",                                        // 7 terminal escape
                "钱七," + personId(207) + ",,,,,\u0085快递员,,,"));                                         // 8 C1 control
        assertEquals(2, job.getInt("validRows"), job::prettify);
        assertFailure(job, 4, "姓名", "INVALID_TEXT");
        assertFailure(job, 5, "姓名", "INVALID_TEXT");
        assertFailure(job, 6, "工作单位", "INVALID_TEXT");
        assertFailure(job, 7, "职业", "INVALID_TEXT");
        assertFailure(job, 8, "重点群体", "INVALID_TEXT");
        assertEquals(5, failures(job).size(), job::prettify);
    }

    private static void assertFailure(JsonPath job, int row, String column, String code) {
        boolean found = failures(job).stream().anyMatch(f -> Integer.valueOf(row).equals(f.get("row")) && code.equals(f.get("code"))
                && Objects.equals(column, f.get("column")));
        assertTrue(found, "expected " + code + " at row " + row + ", column " + column + " in " + failures(job));
    }

    @Test
    void missingAndUnknownColumnsFailTheJobAtRowOne() {
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, utf8("姓名,护照号,备注", "刘一,E12345678,"));
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertFailure(job, 1, "身份证号", "MISSING_COLUMN");
        assertFailure(job, 1, "护照号", "UNKNOWN_COLUMN");
        assertFailure(job, 1, "备注", "UNKNOWN_COLUMN");
        assertEquals(3, failures(job).size(), job::prettify);
        assertEquals(0, job.getInt("processedRows"));
        assertTrue(job.getString("message").contains("header"), job::prettify);
    }

    @Test
    void malformedCsvFailsFromTheBrokenRowOn() {
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, utf8(HEADER, row("刘一", personId(51), ""), "\"陈二," + personId(52)));
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertFailure(job, 3, null, "MALFORMED_CSV");
        assertEquals(0, job.getInt("writtenRows"));
    }

    @Test
    void blankLinesAreSkippedButKeepTheSpreadsheetRowNumbers() {
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true",
                utf8(HEADER, row("刘一", personId(61), ""), "", ",,,,,,,,,", "陈二," + personId(62) + ",123,,,,,,,"));
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertEquals(2, job.getInt("totalRows"));
        assertFailure(job, 5, "手机号", "INVALID_PHONE");
    }

    @Test
    void partialImportWritesTheValidRowsAndReportsTheRest() {
        long memberships = count("membership");
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&partial=true", utf8(HEADER,
                row("刘一", personId(71), ""), row("何强", HE_QIANG_ID, ""), row("陈二", personId(72), "999"), row("张三", personId(73), "")));
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(true, job.getBoolean("partial"));
        assertEquals(2, job.getInt("validRows"));
        assertEquals(2, job.getInt("failedRows"));
        assertEquals(2, job.getInt("writtenRows"));
        assertEquals(memberships + 2, count("membership"));
        assertEquals(Set.of("ALREADY_MEMBER", "INVALID_PHONE"), codes(job));
        assertTrue(job.getString("message").contains("2 failed rows skipped"), job::prettify);
    }

    @Test
    void aFailureInALaterBatchRollsBackTheBatchesAlreadyInsertedAndPartialWritesThemAll() {
        String registry = registry();
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 12_000; i++) {
            lines.add(row("欧阳" + (char) ('一' + i % 300), personId(20_000 + i), String.format("137%08d", i)));
        }
        lines.add(row("何强", HE_QIANG_ID, ""));
        byte[] file = utf8(lines.toArray(String[]::new));
        JsonPath failed = importRoster("unionId=" + HEYANG_BAOAN, file);
        assertEquals("FAILED", failed.getString("state"), failed.getString("message"));
        assertEquals(12_000, failed.getInt("validRows"));
        assertFailure(failed, 12_002, "身份证号", "ALREADY_MEMBER");
        assertEquals(registry, registry(), "the batches inserted before the failing row are rolled back");

        JsonPath partial = importRoster("unionId=" + HEYANG_BAOAN + "&partial=true", file);
        assertEquals("SUCCEEDED", partial.getString("state"), partial.getString("message"));
        assertEquals(12_000, partial.getInt("writtenRows"));
        assertEquals(12_000, DemoData.queryLong(dataSource, "select count(distinct m.card_number) from membership m join membership_event e"
                + " on e.membership_id = m.id where e.reason = '花名册导入 (roster import #" + partial.getString("id") + ")'"));
    }

    @Test
    void dryRunValidatesEverythingAndWritesNothing() {
        String registry = registry();
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER, row("刘一", personId(81), ""), row("陈二", personId(82), "")));
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(true, job.getBoolean("dryRun"));
        assertEquals(2, job.getInt("validRows"));
        assertEquals(0, job.getInt("writtenRows"));
        assertTrue(job.getString("message").contains("dry run"), job::prettify);
        assertEquals(registry, registry());

        JsonPath failing = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER, row("何强", HE_QIANG_ID, "")));
        assertEquals("FAILED", failing.getString("state"), failing.prettify());
        assertEquals(Set.of("ALREADY_MEMBER"), codes(failing));
        assertEquals(registry, registry());
    }

    @Test
    void anExistingPersonWithoutAnOpenMembershipIsReused() {
        DemoData.execute(dataSource, "update membership set status = 'WITHDRAWN' where id = 1");
        long persons = count("person");
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN, utf8(HEADER, row("何强", HE_QIANG_ID, "13803791099")));
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(persons, count("person"));
        assertEquals(2, DemoData.queryLong(dataSource, "select count(*) from membership where person_id = 1"));
        assertEquals("138****1099", DemoData.queryString(dataSource, "select phone_masked from person where id = 1"));
    }

    @Test
    void alreadyMemberNamesAUnionOnlyInsideTheUploadersScope() {
        // 郑浩 is a member of a union in Jilin: outside 河阳保安's scope, so the union is not named.
        JsonPath outside = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER, row("郑浩", id("22082219990101111"), "")));
        String message = (String) failure(outside, "ALREADY_MEMBER").get("message");
        assertTrue(message.contains("another union"), message);
        assertFalse(message.contains("22082202") || message.contains("美团"), message);

        // 刘洋 belongs to 顺达商贸工会, inside the county official's scope: named.
        String jili = Tokens.forDemoUser("jili");
        Response response = upload(jili, "unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER, row("刘洋", id("41030619920815051"), "")));
        assertEquals(202, response.statusCode(), response::asString);
        JsonPath inside = awaitEnd(jili, response.jsonPath().getString("id"));
        String named = (String) failure(inside, "ALREADY_MEMBER").get("message");
        assertTrue(named.contains("41030612") && named.contains("顺达"), named);
    }

    // --- the request

    @Test
    void aUnionOutsideTheCallersSubtreeIsNotFoundAndCreatesNoJob() {
        Response response = upload(OFFICIAL, "unionId=41030612", utf8(HEADER, row("刘一", personId(91), "")));
        assertEquals(404, response.statusCode(), response::asString);
        assertEquals("NOT_FOUND", response.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(response.jsonPath().getString("errors[0].message").startsWith("unionId:"), response::asString);
        assertEquals(0, count("roster_import"));
    }

    @Test
    void onlyActiveGrassrootsUnionsTakeRosters() {
        Response township = upload(Tokens.forDemoUser("jili"), "unionId=4103061", utf8(HEADER, row("刘一", personId(92), "")));
        assertEquals(400, township.statusCode(), township::asString);
        assertEquals("VALIDATION", township.jsonPath().getString("errors[0].extensions.code"));
        DemoData.execute(dataSource, "update trade_union set status = 'PREPARING' where id = 41030611");
        Response preparing = upload(OFFICIAL, "unionId=41030611", utf8(HEADER, row("刘一", personId(92), "")));
        assertEquals(400, preparing.statusCode(), preparing::asString);
        assertTrue(preparing.jsonPath().getString("errors[0].message").contains("PREPARING"), preparing::asString);
        assertEquals(0, count("roster_import"));
    }

    @Test
    void membersAreForbiddenAndAnonymousCallersUnauthenticated() {
        Response member = upload(Tokens.forDemoUser("worker"), "unionId=" + HEYANG_BAOAN, utf8(HEADER));
        assertEquals(403, member.statusCode(), member::asString);
        assertEquals("FORBIDDEN", member.jsonPath().getString("errors[0].extensions.code"));
        Response anonymous = upload(null, "unionId=" + HEYANG_BAOAN, utf8(HEADER));
        assertEquals(401, anonymous.statusCode(), anonymous::asString);
        assertEquals("UNAUTHENTICATED", anonymous.jsonPath().getString("errors[0].extensions.code"));
        Response forged = upload("not-a-token", "unionId=" + HEYANG_BAOAN, utf8(HEADER));
        assertEquals(401, forged.statusCode(), forged::asString);
        assertEquals(0, count("roster_import"));
    }

    @Test
    void badParametersAndEmptyBodiesAre400() {
        for (String query : List.of("dryRun=false", "unionId=abc", "unionId=41030611&dryRun=yes", "unionId=41030611&charset=latin1")) {
            Response response = upload(OFFICIAL, query, utf8(HEADER));
            assertEquals(400, response.statusCode(), query + ": " + response.asString());
            assertEquals("VALIDATION", response.jsonPath().getString("errors[0].extensions.code"), response::asString);
        }
        Response empty = upload(OFFICIAL, "unionId=41030611", new byte[0]);
        assertEquals(400, empty.statusCode(), empty::asString);
        assertTrue(empty.jsonPath().getString("errors[0].message").startsWith("body:"), empty::asString);
        Response json = given().contentType("application/json").header("Authorization", "Bearer " + OFFICIAL).body("{}")
                .post("/imports/roster?unionId=41030611");
        assertEquals(415, json.statusCode(), json::asString);
        assertEquals("BAD_REQUEST", json.jsonPath().getString("errors[0].extensions.code"));
        assertEquals(0, count("roster_import"));
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /imports/roster?unionId=41030611 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OFFICIAL
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + (50L * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(utf8(HEADER));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"code\":\"LIMIT_EXCEEDED\""), response);
        }
        assertEquals(0, count("roster_import"));
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

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstJob() {
        byte[] file = utf8(HEADER, row("刘一", personId(101), ""));
        Response first = upload(OFFICIAL, "unionId=" + HEYANG_BAOAN, file, Map.of("Idempotency-Key", "roster-2024-03"));
        assertEquals(202, first.statusCode(), first::asString);
        String id = first.jsonPath().getString("id");
        awaitEnd(OFFICIAL, id);
        Response retry = upload(OFFICIAL, "unionId=" + HEYANG_BAOAN, file, Map.of("Idempotency-Key", "roster-2024-03"));
        assertEquals(202, retry.statusCode(), retry::asString);
        assertEquals(id, retry.jsonPath().getString("id"));
        assertEquals("SUCCEEDED", retry.jsonPath().getString("state"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, count("roster_import"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from membership m join person p on p.id = m.person_id where p.name = '刘一'"));

        Response other = upload(OFFICIAL, "unionId=" + HEYANG_BAOAN, utf8(HEADER, row("陈二", personId(102), "")),
                Map.of("Idempotency-Key", "roster-2024-03"));
        assertEquals(409, other.statusCode(), other::asString);
        assertEquals("CONFLICT", other.jsonPath().getString("errors[0].extensions.code"));
        Response otherFlags = upload(OFFICIAL, "unionId=" + HEYANG_BAOAN + "&dryRun=true", file, Map.of("Idempotency-Key", "roster-2024-03"));
        assertEquals(409, otherFlags.statusCode(), otherFlags::asString);
        assertEquals(1, count("roster_import"));
        assertEquals(32, DemoData.queryLong(dataSource, "select octet_length(request_hash) from idempotency_record"),
                "only a keyed hash of the request is kept");
    }

    @Test
    void aTwentyMegabyteRosterIsAcceptedAndProcessedWithProgress() {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        int rows = 200_000;
        for (int i = 0; i < rows; i++) {
            text.append("欧阳").append((char) ('一' + i % 500)).append(',').append(personId(1000 + i)).append(',')
                    .append(String.format("139%08d", i)).append(",洛阳河阳保安服务有限公司第").append(i % 50).append("分公司,").append(CREDIT_CODE)
                    .append(",保安员,保安员;快递员,否,是,2024/3/").append(1 + i % 28).append("\r\n");
        }
        byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length >= 20 * 1024 * 1024, "the file has " + file.length + " bytes");
        Response response = upload(OFFICIAL, "unionId=" + HEYANG_BAOAN + "&dryRun=true", file);
        assertEquals(202, response.statusCode(), response::asString);
        String id = response.jsonPath().getString("id");
        // Progress is visible while the job runs: some poll sees a partial count.
        boolean sawProgress = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonPath job;
        while (true) {
            Result poll = GraphQLClient.post(OFFICIAL, "query($id: ID!) { rosterImport(id: $id) { state totalRows processedRows } }", Map.of("id", id));
            assertFalse(poll.hasErrors(), poll::toString);
            Integer processed = poll.data("rosterImport.processedRows");
            sawProgress |= processed > 0 && processed < rows;
            String state = poll.data("rosterImport.state");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                job = awaitEnd(OFFICIAL, id);
                break;
            }
            assertTrue(System.nanoTime() < deadline, "no end within 120 s: " + poll);
            pause(20);
        }
        assertEquals("SUCCEEDED", job.getString("state"), job.getString("message"));
        assertEquals(rows, job.getInt("totalRows"));
        assertEquals(rows, job.getInt("processedRows"));
        assertEquals(rows, job.getInt("validRows"));
        assertEquals(file.length, job.getInt("sizeBytes"));
        assertTrue(sawProgress, "no poll saw the job part-way");
        assertNull(DemoData.queryString(dataSource, "select content from roster_import where id = " + id));
    }

    // --- reading jobs

    @Test
    void jobsAreVisibleOnlyInsideTheCallersSubtreeNewestFirst() {
        JsonPath first = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER, row("刘一", personId(111), "")));
        JsonPath second = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(HEADER, row("陈二", personId(112), "")));
        Result list = GraphQLClient.post(Tokens.forDemoUser("jili"), "{ rosterImports(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }");
        assertFalse(list.hasErrors(), list::toString);
        assertEquals(second.getString("id"), list.data("rosterImports.edges[0].node.id"));
        assertEquals(true, list.data("rosterImports.pageInfo.hasNextPage"));
        Result next = GraphQLClient.post(Tokens.forDemoUser("jili"), "query($after: String) { rosterImports(first: 5, after: $after) { edges { node { id } } } }",
                Map.of("after", list.data("rosterImports.pageInfo.endCursor")));
        assertEquals(List.of(first.getString("id")), next.data("rosterImports.edges.node.id"));

        Result sibling = GraphQLClient.post(Tokens.forDemoUser("shunda"), JOB, Map.of("id", first.getString("id")));
        assertEquals("NOT_FOUND", sibling.errorCode(), sibling::toString);
        assertNull(sibling.data("rosterImport"));
        Result siblingList = GraphQLClient.post(Tokens.forDemoUser("shunda"), "{ rosterImports { edges { node { id } } } }");
        assertEquals(List.of(), siblingList.data("rosterImports.edges"));
        Result member = GraphQLClient.post(Tokens.forDemoUser("worker"), JOB, Map.of("id", first.getString("id")));
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
    }

    @Test
    void failuresArePagedWithCursors() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 5; i++) {
            lines.add(row("刘" + i, personId(120 + i), "1"));
        }
        JsonPath job = importRoster("unionId=" + HEYANG_BAOAN + "&dryRun=true", utf8(lines.toArray(String[]::new)));
        String page = "query($id: ID!, $after: String) { rosterImport(id: $id) { failures(first: 2, after: $after) { edges { node { row } } pageInfo { hasNextPage endCursor } } } }";
        Result one = GraphQLClient.post(OFFICIAL, page, Map.of("id", job.getString("id")));
        assertEquals(List.of(2, 3), one.data("rosterImport.failures.edges.node.row"));
        Map<String, Object> vars = new HashMap<>();
        vars.put("id", job.getString("id"));
        vars.put("after", one.data("rosterImport.failures.pageInfo.endCursor"));
        Result two = GraphQLClient.post(OFFICIAL, page, vars);
        assertEquals(List.of(4, 5), two.data("rosterImport.failures.edges.node.row"));
    }

    // --- recovery

    /** A job row as an upload leaves it, in the given state, with its heartbeat this long ago. */
    String insertJob(String state, String heartbeatAgo, byte[] csv) {
        Sealed file = personalData.encrypt(Purpose.ROSTER_FILE, csv);
        return DemoData.queryString(dataSource, "insert into roster_import (union_id, requested_by, requester_union_id, dry_run, partial, state,"
                + " content, content_key, size_bytes, started_at, heartbeat_at, attempts) values (41030611, 'sub-heyang-baoan', 41030611, false, false, '"
                + state + "', decode('" + HexFormat.of().formatHex(file.ciphertext()) + "', 'hex'), '" + file.keyId() + "', " + csv.length
                + ", now() - interval '" + heartbeatAgo + "', now() - interval '" + heartbeatAgo + "', " + ("QUEUED".equals(state) ? 0 : 1)
                + ") returning id::text");
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverOnceItsHeartbeatIsStale() {
        String fresh = insertJob("VALIDATING", "10 seconds", utf8(HEADER, row("陈二", personId(132), "")));
        String id = insertJob("VALIDATING", "1 hour", utf8(HEADER, row("刘一", personId(131), "")));
        worker.start();
        JsonPath job = awaitEnd(OFFICIAL, id);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(1, job.getInt("writtenRows"));
        assertEquals(2, DemoData.queryLong(dataSource, "select attempts from roster_import where id = " + id));
        assertEquals("VALIDATING", DemoData.queryString(dataSource, "select state from roster_import where id = " + fresh),
                "a job with a live heartbeat belongs to its worker");
        DemoData.execute(dataSource, "update roster_import set state = 'FAILED', content = null where id = " + fresh);
    }

    @Test
    void aUnionThatStoppedBeingActiveWhileTheJobWaitedGetsNothingWritten() {
        long memberships = count("membership");
        DemoData.execute(dataSource, "update trade_union set status = 'PREPARING' where id = 41030611");
        String id = insertJob("QUEUED", "0 seconds", utf8(HEADER, row("刘一", personId(141), "")));
        worker.start();
        JsonPath job = awaitEnd(OFFICIAL, id);
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertTrue(job.getString("message").contains("no longer ACTIVE"), job::prettify);
        assertEquals(memberships, count("membership"));
    }
}
