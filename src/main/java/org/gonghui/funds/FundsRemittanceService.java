package org.gonghui.funds;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ConflictException;
import org.gonghui.support.Dates;
import org.gonghui.support.Money;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.CreditCode;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionLevel;
import org.gonghui.union.UnionRules;

/**
 * Union funds (工会经费): officials record each employer's monthly remittance for a grassroots union of
 * their subtree and list the remittances of a subtree with their sums. One record per employer, union
 * and month: checked first for a clear message, and backed by a unique constraint against races.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FundsRemittanceService {


    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Transactional
    public FundsRemittance record(FundsRemittanceInput input) {
        TradeUnion union = scope.union(input.unionId, "unionId");
        if (union.level != UnionLevel.GRASSROOTS) {
            throw new ValidationException("unionId: 经费拨缴登记在基层工会 — union " + union.id + " is a " + union.level
                    + " union; remittances are recorded for GRASSROOTS unions");
        }
        if (!union.status.isOpen()) {
            throw new ValidationException("unionId: 工会已撤销或合并 — union " + union.id + " is " + union.status
                    + "; remittances are recorded for ACTIVE or PREPARING unions");
        }
        FundsRemittance r = new FundsRemittance();
        r.unionId = union.id;
        r.employerName = Text.name("employerName", input.employerName, 200, true);
        r.employerCreditCode = Text.line("employerCreditCode", input.employerCreditCode, 18, true);
        String problem = CreditCode.problem(r.employerCreditCode);
        if (problem != null) {
            throw new ValidationException("employerCreditCode: 统一社会信用代码无效 — " + problem);
        }
        YearMonth month = month("month", input.month);
        if (month == null) {
            throw new ValidationException("month: 必填 — must not be empty");
        }
        if (month.isAfter(YearMonth.now(UnionRules.CHINA))) {
            throw new ValidationException("month: 不能晚于本月 — " + month + " is in the future (Asia/Shanghai)");
        }
        r.monthStart = month.atDay(1);
        r.payroll = required("payrollYuan", Money.parse("payrollYuan", input.payrollYuan));
        r.amountPaid = required("amountPaidYuan", Money.parse("amountPaidYuan", input.amountPaidYuan));
        if (FundsRemittance.exists(r.unionId, r.employerCreditCode, r.monthStart)) {
            throw new ConflictException("month: 该单位 " + month + " 的经费已登记 — " + r.employerCreditCode + " already has a remittance for "
                    + month + " at union " + union.id);
        }
        r.recordedBy = caller.subject();
        r.persist();
        r.flush();
        audit.record("recordFundsRemittance", "FundsRemittance", r.id, union.id, union.path, Map.of(), r.auditedFields());
        return r;
    }

    /** Remittances of the subtree of {@code unionId} (default: the caller's union), newest first, for months {@code from}..{@code to}. */
    public FundsRemittanceConnection list(Long unionId, String from, String to, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        YearMonth fromMonth = month("from", from);
        YearMonth toMonth = month("to", to);
        if (fromMonth != null && toMonth != null && toMonth.isBefore(fromMonth)) {
            throw new ValidationException("to: 截止月份早于起始月份 — " + toMonth + " is before " + fromMonth);
        }
        var filter = new FundsRemittanceConnection.Filter(subtree, fromMonth == null ? null : fromMonth.atDay(1), toMonth == null ? null : toMonth.atDay(1));
        return new FundsRemittanceConnection(page.page(FundsRemittance.findPage(filter.subtree(), filter.from(), filter.to(), page.afterId(),
                page.rowsToFetch()), r -> r.id, null), filter);
    }

    /** Count and sums of each connection's whole list: one statement per distinct list, shared by totalCount and totals. */
    public List<FundsRemittanceTotals> totals(List<FundsRemittanceConnection> connections) {
        Map<FundsRemittanceConnection.Filter, FundsRemittanceTotals> computed = new HashMap<>();
        return connections.stream()
                .map(c -> c.totals(filter -> computed.computeIfAbsent(filter, f -> FundsRemittance.totals(f.subtree(), f.from(), f.to()))))
                .toList();
    }

    public List<Integer> totalCounts(List<FundsRemittanceConnection> connections) {
        return totals(connections).stream().map(t -> (int) t.count).toList();
    }

    /** The union of each remittance, in one statement; every remittance shown lies in the caller's subtree. */
    public List<TradeUnion> unionsOf(List<FundsRemittance> remittances) {
        // checked now, as union(id) would: a union moved out of the caller's subtree since the remittance was recorded reads null
        Map<Long, TradeUnion> byId = scope.visibleUnions(remittances.stream().map(r -> r.unionId).collect(Collectors.toSet()));
        return remittances.stream().map(r -> byId.get(r.unionId)).toList();
    }

    /** A "YYYY-MM" month; null stays null. */
    static YearMonth month(String field, String text) {
        return text == null || text.isBlank() ? null : Dates.month(field, text.strip());
    }

    private static BigDecimal required(String field, BigDecimal value) {
        if (value == null) {
            throw new ValidationException(field + ": 必填 — must not be empty");
        }
        return value;
    }
}
