package org.gonghui.funds;

import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.UnionRules;

/**
 * The shell-union check (空壳工会排查): ACTIVE grassroots unions of a subtree without active members,
 * without funds remitted for some complete months, or without any activity for some months. Read-only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ShellUnionService {

    private static final Counter<ShellUnionQuery> SHELLS = Counter.eachBy(ShellUnionQuery::count);

    static final int MAX_MONTHS = 120;

    @Inject
    Scope scope;

    @Inject
    ShellUnionConfig config;

    public ShellUnionConnection list(Long unionId, Integer fundsMonths, Integer inactiveMonths, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        int funds = months("fundsMonths", fundsMonths, config.fundsMonths());
        int inactive = months("inactiveMonths", inactiveMonths, config.inactiveMonths());
        ShellUnionQuery query = ShellUnionQuery.of(subtree, funds, inactive, ZonedDateTime.now(UnionRules.CHINA));
        return new ShellUnionConnection(page.page(query.page(page.afterId(), page.rowsToFetch()), s -> s.union.id, new CountKey<>(SHELLS, query)),
                query.criteria());
    }

    /** totalCount of each connection: one count per distinct list. */
    public List<Integer> totalCounts(List<ShellUnionConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    private static int months(String field, Integer given, int configured) {
        if (given == null) {
            if (configured < 1 || configured > MAX_MONTHS) {
                throw new IllegalStateException("gonghui.shell." + (field.equals("fundsMonths") ? "funds-months" : "inactive-months")
                        + " must be 1 to " + MAX_MONTHS + ", is " + configured);
            }
            return configured;
        }
        if (given < 1 || given > MAX_MONTHS) {
            throw new ValidationException(field + ": 月数须在 1 到 " + MAX_MONTHS + " 之间 (1 to " + MAX_MONTHS + " months), got " + given);
        }
        return given;
    }
}
