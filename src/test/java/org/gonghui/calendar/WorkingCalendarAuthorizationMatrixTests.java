package org.gonghui.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

/**
 * The working-day calendar × every tier: every official reads it (it is national: for all but the
 * national officials it lies above their subtree), only national officials publish (FORBIDDEN for every
 * other tier, members FORBIDDEN, anonymous UNAUTHENTICATED). The allowed publication re-publishes 2026 as
 * shipped, so the calendar's days stay the same; a refused one leaves the calendar and the audit trail as
 * they were (the fingerprint covers both).
 */
@QuarkusTestWithOidc
class WorkingCalendarAuthorizationMatrixTests extends AuthorizationMatrix<WorkingCalendarAuthorizationMatrixTests.Operation, Integer> {

    enum Operation {
        READ, PUBLISH
    }

    static final int YEAR = 2026;

    /** The shipped 2026 schedule (V19). */
    static final List<String> HOLIDAYS = days("2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06", "2026-05-01",
            "2026-05-05", "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07");
    static final List<String> MAKE_UP = List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

    /** Every day of the given periods (first, last, first, last, …). */
    static List<String> days(String... periods) {
        List<String> days = new ArrayList<>();
        for (int i = 0; i < periods.length; i += 2) {
            for (LocalDate d = LocalDate.parse(periods[i]); !d.isAfter(LocalDate.parse(periods[i + 1])); d = d.plusDays(1)) {
                days.add(d.toString());
            }
        }
        return days;
    }

    @Override
    protected List<Cell<Operation, Integer>> cells() {
        List<Cell<Operation, Integer>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            boolean national = official == Official.QUANZONG;
            Relation relation = national ? Relation.OWN : Relation.DESCENDANT;
            cells.add(cell(official.username, relation, Operation.READ, YEAR, OK));
            cells.add(cell(official.username, relation, Operation.PUBLISH, YEAR, national ? OK : FORBIDDEN));
        }
        cells.addAll(memberAndAnonymous(Operation.values(), YEAR, List.of()));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation == Operation.PUBLISH;
    }

    /** A publication stores the same days, counts the same working days and is audited once. */
    @Override
    protected void assertAllowed(Cell<Operation, Integer> cell, Result result, String before) {
        String root = cell.operation() == Operation.PUBLISH ? "setWorkingCalendar" : "workingCalendar";
        assertEquals(HOLIDAYS, result.data(root + ".holidays"), result::toString);
        assertEquals(MAKE_UP, result.data(root + ".makeUpWorkdays"), result::toString);
        assertEquals(248, (int) result.data(root + ".workingDays"), result::toString);
        if (cell.operation() == Operation.PUBLISH) {
            assertEquals(1, DemoData.queryLong(dataSource(), "select count(*) from audit_event where operation = 'setWorkingCalendar' and target_id = " + YEAR));
        }
    }

    @Override
    protected Call call(String token, Operation operation, Integer year) {
        return switch (operation) {
            case READ -> graphql(token, "workingCalendar", "query($y: Int!) { workingCalendar(year: $y) { holidays makeUpWorkdays workingDays } }",
                    Map.of("y", year));
            case PUBLISH -> graphql(token, "setWorkingCalendar", "mutation($y: Int!, $h: [Date!]!, $m: [Date!]!) { setWorkingCalendar(year: $y, "
                    + "holidays: $h, makeUpWorkdays: $m) { holidays makeUpWorkdays workingDays } }", Map.of("y", year, "h", HOLIDAYS, "m", MAKE_UP));
        };
    }
}
