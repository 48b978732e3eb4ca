package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.statistics.StatisticsFolder;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Rights-case figures against an independent recount in Java of the cases the test inserted (with SQL,
 * as the case API would write them): generated life cycles around the edges of the period's months in
 * Asia/Shanghai, cases referred up the chain, open cases on both sides of their deadlines; the
 * headline counts of `statistics`; the drill-down's statement count; bad periods. The figures come from
 * the monthly rollup (V23): cases inserted with SQL are folded into it by its rebuild, and a random mix of
 * concurrent steps through the API keeps it equal to the recount, before and after the fold.
 */
@QuarkusTestWithOidc
class RightsCaseStatisticsTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The demo unions counted: every tier, both provinces, a union without cases (43 Hunan). */
    static final List<Long> UNIONS = List.of(1L, 41L, 4103L, 410306L, 4103061L, 4103062L, 41030611L, 41030612L, 41030621L, 22L, 2208L, 220802L,
            2208021L, 22080211L, 43L);

    /** Where cases are received: grassroots, township, county and city unions of both provinces. */
    static final List<Long> RECEIVERS = List.of(41030611L, 41030612L, 41030621L, 41030601L, 4103061L, 4103062L, 410306L, 4103L, 22080211L,
            22080212L, 2208021L, 220802L);

    static final String PERIOD_FROM = "2026-01";
    static final String PERIOD_TO = "2026-02";

    /** The instants either side of the period's edges: midnight in Asia/Shanghai is 16:00 UTC the day before. */
    static final List<Instant> EDGES = List.of(Instant.parse("2025-12-31T15:59:59.999Z"), Instant.parse("2025-12-31T16:00:00Z"),
            Instant.parse("2026-01-31T15:59:59Z"), Instant.parse("2026-01-31T16:00:00Z"), Instant.parse("2026-02-28T15:59:59.999Z"),
            Instant.parse("2026-02-28T16:00:00Z"));

    static final String FIELDS = "received accepted declined resolved resolvedOnTime receivedAndResolved openNow overdueNow closureRate onTimeRate "
            + "meanWorkingDaysToResolve wagesRecoveredYuan ratings meanSatisfaction";

    static final String FIGURES = "unionId countedOn periodFrom periodTo " + FIELDS + " byCategory { category " + FIELDS + " } byChannel { channel "
            + FIELDS + " }";

    /** One case as inserted. */
    record Case(long received, long handling, Long referredFrom, RightsCaseCategory category, RightsCaseChannel channel, RightsCaseStatus status,
            Instant submitted, Instant accepted, Instant declined, Instant resolved, Instant closed, LocalDate acceptDue, LocalDate resolveDue,
            Integer workingDays, RightsCaseOutcome outcome, BigDecimal wages, Integer rating) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    Map<Long, Long> parents;
    Map<Long, String> paths;

    @BeforeEach
    void readHierarchy() throws SQLException {
        parents = new HashMap<>();
        paths = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select id, parent_id, path from trade_union");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                parents.put(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2));
                paths.put(rs.getLong(1), rs.getString(3));
            }
        }
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    // --- generating and inserting cases

    static LocalDate day(Instant at) {
        return at.atZone(CHINA).toLocalDate();
    }

    static final Instant FIRST = Instant.parse("2025-11-20T00:00:00Z");
    static final Instant LAST = Instant.parse("2026-03-20T00:00:00Z");

    /** An instant after {@code from}: often exactly an edge of the period, else up to 30 days later. */
    static Instant later(Random random, Instant from) {
        List<Instant> edges = EDGES.stream().filter(e -> e.isAfter(from)).toList();
        if (!edges.isEmpty() && random.nextInt(10) < 4) {
            return edges.get(random.nextInt(edges.size()));
        }
        return from.plus(Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60)));
    }

    List<Case> generate(int count, long seed) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(CHINA);
        RightsCaseStatus[] statuses = RightsCaseStatus.values();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long received = RECEIVERS.get(random.nextInt(RECEIVERS.size()));
            // a quarter is referred up the chain: handled by the union above, which the receiving union referred it to
            boolean referred = random.nextInt(4) == 0;
            long handling = referred ? parents.get(received) : received;
            RightsCaseCategory category = RightsCaseCategory.values()[random.nextInt(RightsCaseCategory.values().length)];
            RightsCaseChannel channel = RightsCaseChannel.values()[random.nextInt(RightsCaseChannel.values().length)];
            RightsCaseStatus status = statuses[random.nextInt(statuses.length)];
            Instant submitted = random.nextInt(3) == 0 ? EDGES.get(random.nextInt(EDGES.size()))
                    : FIRST.plusSeconds((long) (random.nextDouble() * Duration.between(FIRST, LAST).getSeconds()));
            LocalDate acceptDue = day(submitted).plusDays(3);
            if (status == RightsCaseStatus.SUBMITTED) {
                // open cases on both sides of their deadline today, and on it (not overdue yet)
                acceptDue = List.of(acceptDue, today, today.minusDays(1), today.plusDays(5)).get(random.nextInt(4));
            }
            Instant accepted = null;
            Instant declined = null;
            Instant resolved = null;
            Instant closed = null;
            LocalDate resolveDue = null;
            Integer workingDays = null;
            RightsCaseOutcome outcome = null;
            BigDecimal wages = null;
            Integer rating = null;
            if (status == RightsCaseStatus.DECLINED) {
                declined = later(random, submitted);
            } else if (status != RightsCaseStatus.SUBMITTED) {
                accepted = later(random, submitted);
                resolveDue = day(accepted).plusDays(category == RightsCaseCategory.LEGAL_AID ? 42 : 21);
                if (status == RightsCaseStatus.ACCEPTED || status == RightsCaseStatus.IN_PROGRESS) {
                    resolveDue = List.of(resolveDue, today, today.minusDays(3), today.plusDays(2)).get(random.nextInt(4));
                } else {
                    resolved = later(random, accepted);
                    // on time, on the deadline day itself, one day late
                    resolveDue = List.of(resolveDue, day(resolved), day(resolved).minusDays(1)).get(random.nextInt(3));
                    workingDays = random.nextInt(40);
                    outcome = RightsCaseOutcome.values()[random.nextInt(RightsCaseOutcome.values().length)];
                    if (outcome == RightsCaseOutcome.WAGES_RECOVERED) {
                        wages = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
                    }
                    if (status == RightsCaseStatus.CLOSED) {
                        closed = later(random, resolved);
                        rating = random.nextInt(3) == 0 ? null : 1 + random.nextInt(5);
                    }
                }
            }
            cases.add(new Case(received, handling, referred ? received : null, category, channel, status, submitted, accepted, declined, resolved,
                    closed, acceptDue, resolveDue, workingDays, outcome, wages, rating));
        }
        return cases;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    void insert(List<Case> cases) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into rights_case (category, channel, status, description_cipher, description_key, received_union_id, handling_union_id,
                                         referred_from_union_ids, submitted_by, submitted_at, accept_due, resolve_due, accepted_at, assigned_to,
                                         declined_at, decline_reason, resolved_at, resolve_working_days, outcome, outcome_text, wages_recovered,
                                         closed_at, rating)
                values (?, ?, ?, decode('00', 'hex'), 'test', ?, ?, cast(? as bigint[]), 'sub-test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Case k : cases) {
                int i = 1;
                s.setString(i++, k.category().name());
                s.setString(i++, k.channel().name());
                s.setString(i++, k.status().name());
                s.setLong(i++, k.received());
                s.setLong(i++, k.handling());
                s.setString(i++, k.referredFrom() == null ? "{}" : "{" + k.referredFrom() + "}");
                s.setObject(i++, at(k.submitted()), Types.TIMESTAMP_WITH_TIMEZONE);
                s.setObject(i++, k.acceptDue());
                s.setObject(i++, k.resolveDue(), Types.DATE);
                s.setObject(i++, at(k.accepted()), Types.TIMESTAMP_WITH_TIMEZONE);
                s.setString(i++, k.accepted() == null ? null : "sub-official");
                s.setObject(i++, at(k.declined()), Types.TIMESTAMP_WITH_TIMEZONE);
                s.setString(i++, k.declined() == null ? null : "不属于受理范围");
                s.setObject(i++, at(k.resolved()), Types.TIMESTAMP_WITH_TIMEZONE);
                s.setObject(i++, k.workingDays(), Types.INTEGER);
                s.setString(i++, k.outcome() == null ? null : k.outcome().name());
                s.setString(i++, k.outcome() == RightsCaseOutcome.OTHER ? "其他处理" : null);
                s.setBigDecimal(i++, k.wages());
                s.setObject(i++, at(k.closed()), Types.TIMESTAMP_WITH_TIMEZONE);
                s.setObject(i++, k.rating(), Types.SMALLINT);
                s.addBatch();
            }
            s.executeBatch();
        }
        // rows written with SQL, not through the case service: the rollup is rebuilt from them, as after a bulk load
        DemoData.execute(dataSource, "select gonghui_rights_case_rebuild()");
    }

    // --- the recount, in Java, of the cases as generated

    /** The figures of the cases counted under each union, rendered like the answer. */
    Map<String, String> recount(long unionId, List<Case> all, Instant start, Instant end, LocalDate today) {
        String root = paths.get(unionId);
        List<Case> counted = all.stream().filter(k -> paths.get(k.received()).startsWith(root)).toList();
        Map<String, String> rendered = new TreeMap<>(figures("", counted, start, end, today));
        for (RightsCaseCategory category : RightsCaseCategory.values()) {
            rendered.putAll(figures("byCategory." + category + ".", counted.stream().filter(k -> k.category() == category).toList(), start, end, today));
        }
        for (RightsCaseChannel channel : RightsCaseChannel.values()) {
            rendered.putAll(figures("byChannel." + channel + ".", counted.stream().filter(k -> k.channel() == channel).toList(), start, end, today));
        }
        return rendered;
    }

    static boolean in(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    static Map<String, String> figures(String prefix, List<Case> cases, Instant start, Instant end, LocalDate today) {
        Instant endOfToday = today.plusDays(1).atStartOfDay(CHINA).toInstant();
        Predicate<Case> received = k -> in(k.submitted(), start, end);
        Predicate<Case> resolved = k -> in(k.resolved(), start, end);
        Predicate<Case> open = k -> k.submitted().isBefore(endOfToday) && (k.declined() == null || !k.declined().isBefore(endOfToday))
                && (k.resolved() == null || !k.resolved().isBefore(endOfToday));
        Predicate<Case> overdue = k -> k.accepted() != null && k.accepted().isBefore(endOfToday) ? k.resolveDue().isBefore(today)
                : k.acceptDue().isBefore(today);
        Predicate<Case> rated = k -> in(k.closed(), start, end) && k.rating() != null;
        long receivedCount = cases.stream().filter(received).count();
        long resolvedCount = cases.stream().filter(resolved).count();
        long onTime = cases.stream().filter(resolved).filter(k -> !day(k.resolved()).isAfter(k.resolveDue())).count();
        long receivedAndResolved = cases.stream().filter(received).filter(k -> k.resolved() != null && k.resolved().isBefore(end)).count();
        List<Case> withDays = cases.stream().filter(resolved).filter(k -> k.workingDays() != null).toList();
        List<Case> ratedCases = cases.stream().filter(rated).toList();
        Map<String, String> f = new LinkedHashMap<>();
        f.put(prefix + "received", String.valueOf(receivedCount));
        f.put(prefix + "accepted", String.valueOf(cases.stream().filter(k -> in(k.accepted(), start, end)).count()));
        f.put(prefix + "declined", String.valueOf(cases.stream().filter(k -> in(k.declined(), start, end)).count()));
        f.put(prefix + "resolved", String.valueOf(resolvedCount));
        f.put(prefix + "resolvedOnTime", String.valueOf(onTime));
        f.put(prefix + "receivedAndResolved", String.valueOf(receivedAndResolved));
        f.put(prefix + "openNow", String.valueOf(cases.stream().filter(open).count()));
        f.put(prefix + "overdueNow", String.valueOf(cases.stream().filter(open.and(overdue)).count()));
        f.put(prefix + "closureRate", rate(receivedAndResolved, receivedCount));
        f.put(prefix + "onTimeRate", rate(onTime, resolvedCount));
        f.put(prefix + "meanWorkingDaysToResolve", rate(withDays.stream().mapToLong(Case::workingDays).sum(), withDays.size()));
        f.put(prefix + "wagesRecoveredYuan", cases.stream().filter(resolved).map(Case::wages).filter(w -> w != null)
                .reduce(new BigDecimal("0.00"), BigDecimal::add).toPlainString());
        f.put(prefix + "ratings", String.valueOf(ratedCases.size()));
        f.put(prefix + "meanSatisfaction", rate(ratedCases.stream().mapToLong(Case::rating).sum(), ratedCases.size()));
        return f;
    }

    static String rate(long part, long whole) {
        return whole == 0 ? "null" : String.format("%.9f", (double) part / whole);
    }

    // --- the answer, rendered the same way

    static JsonPath exact(Result result) {
        assertFalse(result.hasErrors(), result::toString);
        return new JsonPath(result.body()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static Map<String, String> render(Map<String, Object> figures) {
        Map<String, String> rendered = new TreeMap<>(fields("", figures));
        for (Map<String, Object> row : rows(figures.get("byCategory"))) {
            rendered.putAll(fields("byCategory." + row.get("category") + ".", row));
        }
        for (Map<String, Object> row : rows(figures.get("byChannel"))) {
            rendered.putAll(fields("byChannel." + row.get("channel") + ".", row));
        }
        return rendered;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object list) {
        return (List<Map<String, Object>>) list;
    }

    static Map<String, String> fields(String prefix, Map<String, Object> figures) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String field : FIELDS.split(" ")) {
            Object value = figures.get(field);
            if (field.endsWith("Rate") || field.startsWith("mean")) {
                f.put(prefix + field, value == null ? "null" : String.format("%.9f", ((BigDecimal) value).doubleValue()));
            } else {
                f.put(prefix + field, value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
            }
        }
        return f;
    }

    static Result post(String user, String query) {
        return GraphQLClient.post(Tokens.forDemoUser(user), query, Map.of());
    }

    static Instant start(String month) {
        return YearMonth.parse(month).atDay(1).atStartOfDay(CHINA).toInstant();
    }

    static Instant end(String month) {
        return YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant();
    }

    // --- the tests

    @Test
    void figuresOfEveryTierEqualARecountOfTheCasesAcrossThePeriodsEdgesAndReferrals() throws SQLException {
        List<Case> cases = generate(400, 16);
        insert(cases);
        LocalDate today = LocalDate.now(CHINA);
        for (String[] period : List.of(new String[] { PERIOD_FROM, PERIOD_TO }, new String[] { "2026-02", "2026-02" },
                new String[] { "2025-12", "2025-12" })) {
            for (long union : UNIONS) {
                JsonPath answer = exact(post("quanzong", "{ rightsCaseStatistics(unionId: " + union + ", period: {from: \"" + period[0] + "\", to: \""
                        + period[1] + "\"}) { " + FIGURES + " } }"));
                Map<String, Object> figures = answer.getMap("data.rightsCaseStatistics");
                assertEquals(recount(union, cases, start(period[0]), end(period[1]), today), render(figures),
                        "union " + union + ", " + period[0] + ".." + period[1]);
                assertEquals(String.valueOf(union), String.valueOf(figures.get("unionId")));
                assertEquals(period[0], figures.get("periodFrom"));
                assertEquals(period[1], figures.get("periodTo"));
                assertEquals(today.toString(), figures.get("countedOn"));
                assertEquals(RightsCaseCategory.values().length, rows(figures.get("byCategory")).size());
                assertEquals(RightsCaseChannel.values().length, rows(figures.get("byChannel")).size());
            }
        }
        // the national figures count every case once, referred or not
        JsonPath national = exact(post("quanzong", "{ rightsCaseStatistics(unionId: 1, period: {from: \"2025-01\", to: \"2026-12\"}) { received } }"));
        assertEquals(cases.size(), national.getInt("data.rightsCaseStatistics.received"));
    }

    @Test
    void aCaseReferredUpTheChainCountsOnceUnderTheUnionThatReceivedIt() throws SQLException {
        Instant submitted = Instant.parse("2026-01-10T02:00:00Z");
        Instant resolved = Instant.parse("2026-02-03T02:00:00Z");
        // received by 河阳保安 (41030611), referred to 河阳街道 (4103061), then to 吉利区 (410306); resolved there with wages recovered
        Case twice = new Case(41030611L, 410306L, 41030611L, RightsCaseCategory.WAGE_ARREARS, RightsCaseChannel.APP, RightsCaseStatus.RESOLVED,
                submitted, submitted.plusSeconds(3600), null, resolved, null, day(submitted).plusDays(3), day(resolved), 17,
                RightsCaseOutcome.WAGES_RECOVERED, new BigDecimal("12800.50"), null);
        insert(List.of(twice));
        DemoData.execute(dataSource, "update rights_case set referred_from_union_ids = '{41030611,4103061}'");
        for (long union : List.of(41030611L, 4103061L, 410306L, 4103L, 41L, 1L)) {
            JsonPath answer = exact(post("quanzong", "{ rightsCaseStatistics(unionId: " + union + ", period: {from: \"2026-01\", to: \"2026-02\"}) "
                    + "{ received resolved resolvedOnTime wagesRecoveredYuan meanWorkingDaysToResolve byCategory { category received } } }"));
            assertEquals(1, answer.getInt("data.rightsCaseStatistics.received"), "union " + union);
            assertEquals(1, answer.getInt("data.rightsCaseStatistics.resolvedOnTime"), "union " + union);
            assertEquals("12800.50", answer.getString("data.rightsCaseStatistics.wagesRecoveredYuan"));
            assertEquals(0, new BigDecimal("17").compareTo(answer.get("data.rightsCaseStatistics.meanWorkingDaysToResolve")));
        }
        // the sibling township and the other province do not count it; nor does a period that ends before it was resolved
        for (long union : List.of(4103062L, 41030612L, 22L)) {
            JsonPath answer = exact(post("quanzong", "{ rightsCaseStatistics(unionId: " + union + ", period: {from: \"2026-01\", to: \"2026-02\"}) "
                    + "{ received resolved } }"));
            assertEquals(0, answer.getInt("data.rightsCaseStatistics.received"), "union " + union);
        }
        JsonPath january = exact(post("jili", "{ rightsCaseStatistics(unionId: 410306, period: {from: \"2026-01\", to: \"2026-01\"}) "
                + "{ received resolved receivedAndResolved closureRate onTimeRate wagesRecoveredYuan } }"));
        assertEquals(1, january.getInt("data.rightsCaseStatistics.received"));
        assertEquals(0, january.getInt("data.rightsCaseStatistics.resolved"));
        assertEquals(0, new BigDecimal("0").compareTo(january.get("data.rightsCaseStatistics.closureRate")));
        assertNull(january.get("data.rightsCaseStatistics.onTimeRate"));
        assertEquals("0.00", january.getString("data.rightsCaseStatistics.wagesRecoveredYuan"));
    }

    @Test
    void statisticsHeadlineCountsEqualTheRecountNowAndAsOfAPastDay() throws SQLException {
        List<Case> cases = generate(150, 7);
        insert(cases);
        LocalDate today = LocalDate.now(CHINA);
        LocalDate past = LocalDate.of(2026, 2, 14);
        for (long union : UNIONS) {
            JsonPath now = exact(post("quanzong", "{ statistics(unionId: " + union + ", period: {from: \"2026-01\", to: \"2026-12\"}) "
                    + "{ rightsCasesReceived rightsCasesOpen rightsCasesOverdue } }"));
            Map<String, String> expected = recount(union, cases, start("2026-01"), end("2026-12"), today);
            assertEquals(expected.get("received"), now.getString("data.statistics.rightsCasesReceived"), "union " + union);
            assertEquals(expected.get("openNow"), now.getString("data.statistics.rightsCasesOpen"), "union " + union);
            assertEquals(expected.get("overdueNow"), now.getString("data.statistics.rightsCasesOverdue"), "union " + union);

            // as of a past day: received in the period up to that day, open and overdue at its end
            JsonPath then = exact(post("quanzong", "{ statistics(unionId: " + union + ", asOf: \"" + past + "\", period: {from: \"2026-01\", to: \"2026-03\"}) "
                    + "{ rightsCasesReceived rightsCasesOpen rightsCasesOverdue } }"));
            Map<String, String> expectedThen = recount(union, cases, start("2026-01"), past.plusDays(1).atStartOfDay(CHINA).toInstant(), past);
            assertEquals(expectedThen.get("received"), then.getString("data.statistics.rightsCasesReceived"), "union " + union + " as of " + past);
            assertEquals(expectedThen.get("openNow"), then.getString("data.statistics.rightsCasesOpen"), "union " + union + " as of " + past);
            assertEquals(expectedThen.get("overdueNow"), then.getString("data.statistics.rightsCasesOverdue"), "union " + union + " as of " + past);
        }
    }

    @Test
    void drillDownFiguresOfEveryChildCostOneStatementAndTheHeadlineCountsOneMore() throws SQLException {
        List<Case> cases = generate(120, 3);
        insert(cases);
        LocalDate today = LocalDate.now(CHINA);
        String drillDown = "{ union(id: 1) { children(first: 20) { edges { node { id rightsCaseStatistics(period: {from: \"2026-01\", to: \"2026-02\"}) { "
                + FIGURES + " } } } } } }";
        StatementCount.Counted counted = StatementCount.of(sessionFactory, Tokens.forDemoUser("quanzong"), drillDown, Map.of(), 3,
                "data.union.children.edges");
        // the union, its children, the figures of every child
        assertEquals(3, counted.statements(), counted.result()::toString);
        List<Map<String, Object>> children = exact(counted.result()).getList("data.union.children.edges.node");
        for (Map<String, Object> child : children) {
            long id = Long.parseLong(String.valueOf(child.get("id")));
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) child.get("rightsCaseStatistics");
            assertEquals(recount(id, cases, start("2026-01"), end("2026-02"), today), render(figures), "child " + id);
        }

        String withHeadlines = "{ union(id: 1) { children(first: 20) { edges { node { id statistics { members rightsCasesReceived rightsCasesOpen "
                + "rightsCasesOverdue } } } } } }";
        StatementCount.Counted headlines = StatementCount.of(sessionFactory, Tokens.forDemoUser("quanzong"), withHeadlines, Map.of(), 3,
                "data.union.children.edges");
        // the union, its children, the figures of every child, the three headline counts of every child
        assertEquals(4, headlines.statements(), headlines.result()::toString);
        Map<String, Object> jilin = headlines.result().json().getList("data.union.children.edges.node", Map.class).stream()
                .filter(n -> "22".equals(String.valueOf(n.get("id")))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> jilinFigures = (Map<String, Object>) jilin.get("statistics");
        Map<String, String> expected = recount(22, cases, start(YearMonth.now(CHINA).withMonth(1).toString()), end(YearMonth.now(CHINA).toString()), today);
        assertEquals(expected.get("received"), String.valueOf(jilinFigures.get("rightsCasesReceived")));
        assertEquals(expected.get("openNow"), String.valueOf(jilinFigures.get("rightsCasesOpen")));
        assertEquals(expected.get("overdueNow"), String.valueOf(jilinFigures.get("rightsCasesOverdue")));
    }

    // --- the rollup kept by the case steps

    /** Demo officials by union: an official of a case's handling union, or of the union directly above it, acts on it. */
    static final Map<Long, String> OFFICIALS = Map.of(41030611L, "heyang-baoan", 41030612L, "shunda", 4103061L, "heyang", 4103062L, "kangle",
            410306L, "jili", 4103L, "luoyang", 41L, "henan", 1L, "quanzong", 22L, "jilin", 2208L, "baicheng");

    @Inject
    StatisticsFolder folder;

    @Inject
    RightsCaseService service;

    @Test
    void theRollupEqualsARecountAfterARandomMixOfConcurrentStepsBeforeAndAfterTheFold() throws Exception {
        insert(generate(160, 23));
        // new cases through the API: the worker's own (confirmed and rated below) and cases recorded by officials
        RightsFixtures.linkWorker(dataSource, "sub-worker");
        String worker = Tokens.forDemoUser("worker");
        List<Object> own = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            own.add(RightsFixtures.ok(RightsFixtures.post(worker, RightsFixtures.SUBMIT,
                    Map.of("input", RightsFixtures.submitInput("WAGE_ARREARS", "第 " + i + " 家物流公司")))).data("submitRightsCase.id"));
        }
        List<String> recorders = List.of("heyang-baoan", "shunda", "heyang", "jili", "baicheng");
        for (int i = 0; i < 10; i++) {
            RightsFixtures.ok(RightsFixtures.as(recorders.get(i % recorders.size()), RightsFixtures.RECORD, Map.of("input", Map.of(
                    "category", RightsCaseCategory.values()[i % RightsCaseCategory.values().length].name(),
                    "channel", List.of("HOTLINE", "WALK_IN", "STATION", "WEB").get(i % 4), "description", "来电反映用人单位未签劳动合同",
                    "workerName", "赵六", "contactPhone", "1390379" + String.format("%04d", 2000 + i), "employerName", "某建筑公司第 " + i + " 项目部"))));
        }

        // two officials act on the same case at once: one wins, the other is CONFLICT and leaves nothing behind
        String ownIds = own.stream().map(String::valueOf).collect(Collectors.joining(","));
        long raced = DemoData.queryLong(dataSource, "select min(id) from rights_case where status = 'SUBMITTED' and handling_union_id = 41030611"
                + " and id not in (" + ownIds + ")");
        int racedVersion = RightsFixtures.version(dataSource, raced);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean stepping = new AtomicBoolean(true);
        Future<?> folding = pool.submit(() -> {
            while (stepping.get()) {
                folder.foldAll();
            }
        });
        List<Future<Result>> race = new ArrayList<>();
        race.add(pool.submit(() -> RightsFixtures.as("heyang-baoan", RightsFixtures.ACCEPT, Map.of("id", raced, "v", racedVersion))));
        race.add(pool.submit(() -> RightsFixtures.as("heyang", RightsFixtures.DECLINE, Map.of("id", raced, "v", racedVersion, "r", "不属于受理范围"))));

        // every other open case takes up to three random steps, four cases at a time, while the fold runs
        List<Long> open = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id from rights_case where status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') and id <> ? and id not in (" + ownIds
                        + ") order by id")) {
            s.setLong(1, raced);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getLong(1));
                }
            }
        }
        List<Future<Integer>> walks = new ArrayList<>();
        for (long id : open) {
            walks.add(pool.submit(() -> walk(id, new Random(id))));
        }
        int steps = 0;
        for (Future<Integer> w : walks) {
            steps += w.get(120, TimeUnit.SECONDS);
        }
        List<String> raceCodes = new ArrayList<>();
        for (Future<Result> r : race) {
            Result result = r.get(60, TimeUnit.SECONDS);
            raceCodes.add(result.hasErrors() ? result.errorCode() : "OK");
        }
        stepping.set(false);
        folding.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(List.of("CONFLICT", "OK"), raceCodes.stream().sorted().toList(), "one of two simultaneous steps wins");
        assertTrue(steps > open.size(), "steps taken: " + steps);

        // the worker's own cases: accepted, resolved, confirmed with a rating; then the automatic closing of the rest
        String official = Tokens.forDemoUser("heyang-baoan");
        for (int i = 0; i < own.size(); i++) {
            Object id = own.get(i);
            RightsFixtures.ok(RightsFixtures.post(official, RightsFixtures.ACCEPT, Map.of("id", id, "v", RightsFixtures.version(dataSource, id))));
            RightsFixtures.ok(RightsFixtures.post(official, RightsFixtures.RESOLVE, Map.of("id", id, "v", RightsFixtures.version(dataSource, id),
                    "o", "WAGES_RECOVERED", "w", "3000.0" + i)));
            RightsFixtures.ok(RightsFixtures.post(worker, RightsFixtures.CONFIRM, Map.of("id", id, "v", RightsFixtures.version(dataSource, id),
                    "r", 3 + i)));
        }
        assertTrue(service.closeResolvedBefore(OffsetDateTime.now().plusDays(1), 1000) > 0);

        List<Case> cases = readCases();
        String thisMonth = YearMonth.now(CHINA).toString();
        assertFiguresEqualTheRecount(cases, "with rows pending");
        folder.foldAll();
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from rights_case_stat_pending"));
        assertFiguresEqualTheRecount(cases, "folded");
        JsonPath national = exact(post("quanzong", "{ rightsCaseStatistics(unionId: 1, period: {from: \"2025-01\", to: \"" + thisMonth
                + "\"}) { received ratings } }"));
        assertEquals(cases.size(), national.getInt("data.rightsCaseStatistics.received"));
    }

    @Test
    void dissolvingAUnionWithOpenCasesKeepsTheRollupEqualToTheRecountBeforeAndAfterTheFold() throws Exception {
        insert(generate(240, 31));
        long acceptedThere = DemoData.queryLong(dataSource, "select count(*) from rights_case where handling_union_id = 41030611"
                + " and status in ('ACCEPTED', 'IN_PROGRESS') and accepted_at is not null");
        assertTrue(acceptedThere > 0, "accepted open cases handled by the union: " + acceptedThere);
        String thisMonth = YearMonth.now(CHINA).toString();
        String acceptedQuery = "{ rightsCaseStatistics(unionId: 41030611, period: {from: \"2025-11\", to: \"" + thisMonth + "\"}) { accepted } }";
        int acceptedBefore = exact(post("quanzong", acceptedQuery)).getInt("data.rightsCaseStatistics.accepted");

        // the set-based referral undoes the acceptances: SUBMITTED at the union above, accepted_at cleared
        RightsFixtures.ok(RightsFixtures.as("heyang", "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status } }",
                Map.of("input", Map.of("id", 41030611, "version", DemoData.version(dataSource, 41030611L), "reason", "企业注销"))));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from rights_case where handling_union_id = 41030611"
                + " and status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')"));

        List<Case> cases = readCases();
        // the scheduled fold may have run meanwhile: pending rows or not, the figures are the recount
        assertFiguresEqualTheRecount(cases, "dissolved, before the fold");
        assertEquals(acceptedBefore - acceptedThere, exact(post("quanzong", acceptedQuery)).getInt("data.rightsCaseStatistics.accepted"));
        folder.foldAll();
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from rights_case_stat_pending"));
        assertFiguresEqualTheRecount(cases, "dissolved, after the fold");
    }

    void assertFiguresEqualTheRecount(List<Case> cases, String when) {
        LocalDate today = LocalDate.now(CHINA);
        String thisMonth = YearMonth.now(CHINA).toString();
        for (String[] period : List.of(new String[] { "2025-12", "2026-02" }, new String[] { thisMonth, thisMonth },
                new String[] { "2025-11", thisMonth })) {
            for (long union : UNIONS) {
                JsonPath answer = exact(post("quanzong", "{ rightsCaseStatistics(unionId: " + union + ", period: {from: \"" + period[0] + "\", to: \""
                        + period[1] + "\"}) { " + FIGURES + " } }"));
                assertEquals(recount(union, cases, start(period[0]), end(period[1]), today), render(answer.getMap("data.rightsCaseStatistics")),
                        when + ": union " + union + ", " + period[0] + ".." + period[1]);
            }
        }
    }

    /** Up to three random steps of one case by an official who reaches it fully; returns how many were taken. */
    int walk(long id, Random random) {
        int taken = 0;
        for (int i = 0; i < 3; i++) {
            long handling = DemoData.queryLong(dataSource, "select handling_union_id from rights_case where id = " + id);
            String status = DemoData.queryString(dataSource, "select status from rights_case where id = " + id);
            String user = OFFICIALS.getOrDefault(handling, parents.get(handling) == null ? null : OFFICIALS.get(parents.get(handling)));
            if (user == null || !List.of("SUBMITTED", "ACCEPTED", "IN_PROGRESS").contains(status)) {
                return taken;
            }
            Map<String, Object> idVersion = Map.of("id", id, "v", RightsFixtures.version(dataSource, id));
            int pick = random.nextInt(4);
            boolean referable = parents.get(handling) != null;
            Result result;
            if (pick == 0 && referable) {
                result = RightsFixtures.as(user, RightsFixtures.REFER, RightsFixtures.with(idVersion, "r", "需上级工会协调"));
            } else if (status.equals("SUBMITTED")) {
                result = pick == 1 ? RightsFixtures.as(user, RightsFixtures.DECLINE, RightsFixtures.with(idVersion, "r", "不属于受理范围"))
                        : RightsFixtures.as(user, RightsFixtures.ACCEPT, idVersion);
            } else if (status.equals("ACCEPTED") && pick == 1) {
                result = RightsFixtures.as(user, RightsFixtures.START, idVersion);
            } else if (pick == 2) {
                result = RightsFixtures.as(user, RightsFixtures.ADD_STEP, RightsFixtures.with(idVersion, "k", "NOTE", "t", "已电话联系用人单位"));
            } else {
                RightsCaseOutcome outcome = List.of(RightsCaseOutcome.WAGES_RECOVERED, RightsCaseOutcome.ADVICE_GIVEN, RightsCaseOutcome.OTHER)
                        .get(random.nextInt(3));
                result = RightsFixtures.as(user, RightsFixtures.RESOLVE, RightsFixtures.with(idVersion, "o", outcome.name(),
                        "w", outcome == RightsCaseOutcome.WAGES_RECOVERED ? random.nextInt(100000) + "." + (10 + random.nextInt(90)) : null,
                        "t", outcome == RightsCaseOutcome.OTHER ? "双方自行和解" : null));
            }
            RightsFixtures.ok(result);
            taken++;
        }
        return taken;
    }

    /** The cases as stored now, for the recount. */
    List<Case> readCases() throws SQLException {
        List<Case> cases = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select received_union_id, handling_union_id, category, channel, status, submitted_at, accepted_at, declined_at, resolved_at,
                       closed_at, accept_due, resolve_due, resolve_working_days, outcome, wages_recovered, rating from rights_case""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                cases.add(new Case(rs.getLong(1), rs.getLong(2), null, RightsCaseCategory.valueOf(rs.getString(3)),
                        RightsCaseChannel.valueOf(rs.getString(4)), RightsCaseStatus.valueOf(rs.getString(5)), instant(rs, 6), instant(rs, 7),
                        instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class),
                        (Integer) rs.getObject(13), rs.getString(14) == null ? null : RightsCaseOutcome.valueOf(rs.getString(14)), rs.getBigDecimal(15),
                        rs.getObject(16) == null ? null : rs.getInt(16)));
            }
        }
        return cases;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Test
    void badPeriodsAndUnionsOutsideTheSubtreeAreRefusedWithStableCodes() {
        for (String[] bad : List.of(new String[] { "2026-13", "2026-12" }, new String[] { "2026-05", "2026-04" }, new String[] { "2010-01", "2026-12" },
                new String[] { "26-1", "2026-12" })) {
            Result r = GraphQLClient.post(Tokens.forDemoUser("luoyang"), "query($p: MonthRangeInput) { rightsCaseStatistics(unionId: 4103, period: $p) { received } }",
                    Map.of("p", Map.of("from", bad[0], "to", bad[1])));
            assertEquals("VALIDATION", r.errorCode(), r::toString);
            assertTrue(r.errorMessage().startsWith("period."), r::toString);
            assertNull(r.json().get("data"), r::toString);
        }
        Result nested = post("luoyang", "{ union(id: 4103) { rightsCaseStatistics(period: {from: \"2026-02\", to: \"2026-01\"}) { received } } }");
        assertEquals("VALIDATION", nested.errorCode(), nested::toString);
        assertTrue(nested.errorMessage().startsWith("period.to"), nested::toString);
        Result missing = post("quanzong", "{ rightsCaseStatistics(unionId: 999999999) { received } }");
        assertEquals("NOT_FOUND", missing.errorCode(), missing::toString);
        assertTrue(missing.errorMessage().startsWith("unionId"), missing::toString);
        Result outside = post("jili", "{ rightsCaseStatistics(unionId: 4103) { received } }");
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        assertEquals(missing.errorMessage().replace("999999999", "4103"), outside.errorMessage(), "outside reads exactly like missing");
    }

    @Test
    void figuresDefaultToJanuaryToThisMonthAndCountNothingWhereNoCaseWasReceived() {
        JsonPath answer = exact(post("baicheng", "{ rightsCaseStatistics(unionId: 2208) { periodFrom periodTo " + FIELDS + " } }"));
        YearMonth now = YearMonth.now(CHINA);
        assertEquals(now.withMonth(1).toString(), answer.getString("data.rightsCaseStatistics.periodFrom"));
        assertEquals(now.toString(), answer.getString("data.rightsCaseStatistics.periodTo"));
        assertEquals(0, answer.getInt("data.rightsCaseStatistics.received"));
        assertNull(answer.get("data.rightsCaseStatistics.closureRate"));
        assertNull(answer.get("data.rightsCaseStatistics.meanSatisfaction"));
        assertEquals("0.00", answer.getString("data.rightsCaseStatistics.wagesRecoveredYuan"));
    }
}
