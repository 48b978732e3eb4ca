package org.gonghui.member;

import static org.gonghui.member.ClaimFixtures.count;
import static org.gonghui.member.ClaimFixtures.help;
import static org.gonghui.member.ClaimFixtures.member;
import static org.gonghui.member.ClaimFixtures.newLogin;
import static org.gonghui.member.ClaimFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.member.ClaimFixtures.Fixture;
import org.gonghui.member.ClaimFixtures.Login;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The client address's budget of claims and help requests: every request from one address draws from
 * it, whichever login asks and whether or not the ID number matches anyone; within it the answers are
 * alike, past it every request is HTTP 429 RATE_LIMITED alike, and nothing is written.
 */
@QuarkusTestWithOidc
@TestProfile(ClaimAddressLimitTests.FourPerAddress.class)
class ClaimAddressLimitTests {

    /** Four look-ups an hour per client address; the login and ID-number budgets stay out of the way. */
    public static class FourPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gonghui.rate-limit.person-lookups.per-address-per-hour", "4");
        }
    }

    @BeforeEach
    @AfterEach
    void freshBudgets() {
        ClaimFixtures.execute("delete from rate_limit_bucket where id like 'lookup-%'");
        DemoData.restore(ClaimFixtures.dataSource());
    }

    /** What a client can observe of an answer: status, data and errors. */
    private static String observable(Result r) {
        return r.status() + " " + r.json().getMap("data") + " " + r.errors();
    }

    @Test
    void theFifthRequestFromOneAddressIsRateLimitedWhoeverAsksAndWhateverMatches() {
        Fixture claimable = member("13903820001");
        Fixture phoneless = member(null);
        List<Result> within = new ArrayList<>();
        // four different logins, four different ID numbers: only the address is shared
        within.add(request(newLogin(), claimable.idNumber(), claimable.name()));
        within.add(request(newLogin(), ClaimFixtures.freshIdNumber(), "无此人"));
        Result helped = help(newLogin(), phoneless.idNumber(), phoneless.name(), "13903820002");
        Result unmatchedHelp = help(newLogin(), ClaimFixtures.freshIdNumber(), "无此人", "13903820003");
        for (Result r : within) {
            assertFalse(r.hasErrors(), r::toString);
            assertEquals(observable(within.get(0)), observable(r), "claims answer alike, matched or not");
        }
        assertFalse(helped.hasErrors(), helped::toString);
        assertEquals(observable(helped), observable(unmatchedHelp), "help requests answer alike, matched or not");
        long codes = count("select count(*) from one_time_code");
        long helpRequests = count("select count(*) from claim_help_request");
        assertEquals(2, codes);
        assertEquals(1, helpRequests);

        Login fresh = newLogin();
        Result matchedOver = request(fresh, claimable.idNumber(), claimable.name());
        Result unmatchedOver = request(newLogin(), ClaimFixtures.freshIdNumber(), "无此人");
        Result helpOver = help(newLogin(), phoneless.idNumber(), phoneless.name(), "13903820004");
        for (Result over : List.of(matchedOver, unmatchedOver, helpOver)) {
            assertEquals(429, over.status(), over::toString);
            assertEquals("RATE_LIMITED", over.errorCode(), over::toString);
        }
        // alike but for the seconds to wait, which run down between the two
        assertEquals(observable(matchedOver).replaceAll("[0-9]+", "N"), observable(unmatchedOver).replaceAll("[0-9]+", "N"),
                "refusals answer alike, matched or not");
        assertEquals(codes, count("select count(*) from one_time_code"), "a refused request writes no code, not even a decoy");
        assertEquals(helpRequests, count("select count(*) from claim_help_request"));
        assertEquals(0, count("select count(*) from one_time_code where subject = '" + fresh.subject() + "'"));
    }
}
