package org.gonghui.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.security.Subtree;
import org.gonghui.support.Money;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One month of union funds (工会经费) remitted by a unionised employer: 2% of its payroll. The table's
 * key is (union_id, id) so that it can be distributed by union; rows are only ever read through their
 * union (the subtree condition), never by id alone, so the entity is keyed by the generated id.
 */
@Entity
@Table(name = "funds_remittance")
@Name("FundsRemittance")
@Description("工会经费拨缴记录 (one month of union funds remitted by an employer: 2% of its payroll)")
public class FundsRemittance extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the record.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "union_id", updatable = false)
    @Description("Id of the grassroots union the employer belongs to.")
    public Long unionId;

    @NonNull
    @Column(name = "employer_name")
    @Description("缴费单位 (the employer), e.g. 洛阳河阳保安服务有限公司.")
    public String employerName;

    @NonNull
    @Column(name = "employer_credit_code")
    @Description("缴费单位统一社会信用代码 (the employer's unified social credit code, GB 32100, 18 characters).")
    public String employerCreditCode;

    @Ignore
    @Column(name = "month")
    public LocalDate monthStart;

    @Ignore
    public BigDecimal payroll;

    @Ignore
    @Generated
    @Column(name = "amount_due", insertable = false, updatable = false)
    public BigDecimal amountDue;

    @Ignore
    @Column(name = "amount_paid")
    public BigDecimal amountPaid;

    @NonNull
    @Column(name = "recorded_by")
    @Description("Token subject of the official who recorded it.")
    public String recordedBy;

    @NonNull
    @Generated
    @Column(name = "recorded_at", insertable = false, updatable = false)
    @Description("When it was recorded.")
    public OffsetDateTime recordedAt;

    @NonNull
    @Description("所属月份 (the calendar month the payroll is for), \"YYYY-MM\".")
    public String getMonth() {
        return YearMonth.from(monthStart).toString();
    }

    @NonNull
    @Description("工资总额 (the month's payroll, yuan, exact: \"125000.00\").")
    public String getPayrollYuan() {
        return Money.format(payroll);
    }

    @NonNull
    @Description("应缴经费 (funds due: 2% of the payroll, rounded to the fen).")
    public String getAmountDueYuan() {
        return Money.format(amountDue);
    }

    @NonNull
    @Description("实缴经费 (funds actually remitted, yuan).")
    public String getAmountPaidYuan() {
        return Money.format(amountPaid);
    }

    @NonNull
    @Description("欠缴 (shortfall: funds due minus funds remitted, never below 0.00).")
    public String getShortfallYuan() {
        return Money.format(amountDue.subtract(amountPaid).max(BigDecimal.ZERO));
    }

    /** Whether the employer already has a record for that union and month (the unique key, checked before inserting). */
    static boolean exists(long unionId, String creditCode, LocalDate monthStart) {
        return count("unionId = ?1 and employerCreditCode = ?2 and monthStart = ?3", unionId, creditCode, monthStart) > 0;
    }

    /**
     * One page of the remittances of the unions in a subtree, newest first, optionally for a range of
     * months ({@code from} and {@code to} inclusive, either may be null); fetches {@code limit} rows.
     */
    static List<FundsRemittance> findPage(Subtree subtree, LocalDate from, LocalDate to, Long beforeId, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(subtree, from, to, params);
        if (beforeId != null) {
            where += " and id < :before";
            params.put("before", beforeId);
        }
        return find(where + " order by id desc", params).range(0, limit - 1).list();
    }

    /** Count and sums of the same list as {@link #findPage}, all pages together; one statement. */
    static FundsRemittanceTotals totals(Subtree subtree, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        String where = where(subtree, from, to, params);
        var query = getEntityManager().createQuery("""
                select count(*), sum(payroll), sum(amountDue), sum(amountPaid),
                       sum(case when amountDue > amountPaid then amountDue - amountPaid else 0 end)
                  from FundsRemittance where\s""" + where, Object[].class);
        params.forEach(query::setParameter);
        Object[] row = query.getSingleResult();
        return new FundsRemittanceTotals(((Number) row[0]).longValue(), decimal(row[1]), decimal(row[2]), decimal(row[3]), decimal(row[4]));
    }

    /** A sum as an exact decimal; an empty list sums to 0.00. */
    private static BigDecimal decimal(Object sum) {
        return sum == null ? BigDecimal.ZERO : sum instanceof BigDecimal d ? d : new BigDecimal(sum.toString());
    }

    private static String where(Subtree subtree, LocalDate from, LocalDate to, Map<String, Object> params) {
        subtree.bind(params);
        String where = subtree.hqlUnionIdIn("unionId");
        if (from != null) {
            where += " and monthStart >= :from";
            params.put("from", from);
        }
        if (to != null) {
            where += " and monthStart <= :to";
            params.put("to", to);
        }
        return where;
    }

    Map<String, String> auditedFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("unionId", String.valueOf(unionId));
        fields.put("employerName", employerName);
        fields.put("employerCreditCode", employerCreditCode);
        fields.put("month", getMonth());
        fields.put("payrollYuan", Money.format(payroll));
        fields.put("amountPaidYuan", Money.format(amountPaid));
        return fields;
    }
}
