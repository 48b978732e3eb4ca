package org.gonghui.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.StatementCount.Counted;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * A page of programs costs a fixed number of SQL statements whatever its size: organisers and
 * beneficiary pages are batched for the whole page. Eight programs of 41030611 with three
 * beneficiaries each make the pages full.
 */
@QuarkusTestWithOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramStatementCountTests {

    static final String PAGE = """
            query($first: Int, $after: String) { servicePrograms(filter: {unionId: 410306}, first: $first, after: $after) {
                pageInfo { endCursor hasNextPage } edges { cursor node { id name status beneficiaryCount organiser { id name level }
                beneficiaries(first: 2) { pageInfo { hasNextPage } edges { node { id organisationName amountYuan } } } } } } }""";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @BeforeAll
    void eightProgramsWithThreeBeneficiariesEach() {
        DemoData.execute(dataSource, """
                insert into service_program (id, union_id, kind, name, period_start, period_end, budget, status)
                select 90 + n, 41030611, 'SUMMER_COOLING', '夏送清凉 ' || n, '2026-06-01', '2026-09-30', 1000, 'OPEN' from generate_series(1, 8) n;
                insert into program_beneficiary (program_id, union_id, organisation_name, amount, granted_on, created_by)
                select 90 + n, 41030611, '受益单位 ' || k, 10, '2026-07-01', 'sub-fixture' from generate_series(1, 8) n, generate_series(1, 3) k;""");
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 4 })
    void pageOfProgramsWithOrganisersAndBeneficiariesTakesAFixedNumberOfStatements(int pageSize) {
        String token = Tokens.forDemoUser("jili");
        Counted first = StatementCount.of(sessionFactory, token, PAGE, Map.of("first", pageSize), pageSize, "data.servicePrograms.edges");
        Counted next = StatementCount.of(sessionFactory, token, PAGE,
                Map.of("first", pageSize, "after", first.endCursor("data.servicePrograms")), pageSize, "data.servicePrograms.edges");
        // measured on the code before issue 12's refactoring: 4 and 4 (first page, next page); equal or lower afterwards
        assertEquals(4, first.statements());
        assertEquals(4, next.statements());
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 1, 2 })
    void pageOfOneProgramsBeneficiariesAfterACursorTakesAFixedNumberOfStatements(int pageSize) {
        String query = """
                query($first: Int, $after: String) { serviceProgram(id: 91) { id beneficiaries(first: $first, after: $after) {
                    pageInfo { endCursor } edges { cursor node { id organisationName } } } } }""";
        String token = Tokens.forDemoUser("heyang-baoan");
        Counted first = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize), pageSize,
                "data.serviceProgram.beneficiaries.edges");
        Counted next = StatementCount.of(sessionFactory, token, query,
                Map.of("first", 1, "after", first.endCursor("data.serviceProgram.beneficiaries")), 1, "data.serviceProgram.beneficiaries.edges");
        // measured on the code before issue 12's refactoring: 3 and 3 (first page, next page); equal or lower afterwards
        assertEquals(3, first.statements());
        assertEquals(3, next.statements());
    }
}
