package org.gonghui.region;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.PageRequest;

/**
 * The administrative divisions as the rest of the service sees them: the public tree, names for codes,
 * and the rule that a code newly given to a union or an application is a current one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Regions {

    /** Which children a regions list holds. */
    record Children(String parentCode, boolean includeRetired) {
    }

    private static final Counter<Children> CHILDREN = Counter.eachBy(c -> Region.count(
            (c.parentCode() == null ? "parentCode is null" : "parentCode = ?1") + (c.includeRetired() ? "" : " and retired = false"),
            c.parentCode() == null ? new Object[0] : new Object[] { c.parentCode() }));

    public RegionConnection children(String parentCode, boolean includeRetired, PageRequest<Void> page) {
        String parent = parentCode == null ? null : code("parentCode", parentCode);
        Long after = page.afterId();
        List<Region> rows = Region.findChildren(parent, includeRetired, after == null ? null : String.valueOf(after), page.rowsToFetch());
        return new RegionConnection(page.page(rows, r -> Long.parseLong(r.code), new CountKey<>(CHILDREN, new Children(parent, includeRetired))));
    }

    public List<Integer> totalCounts(List<RegionConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /**
     * A code given anew (a new union, a changed region code, an application by area) must name a current
     * division: VALIDATION for a malformed, unknown or retired code. Codes already stored are never
     * re-checked, so a union keeps a code that has since been retired.
     */
    public String requireCurrent(String field, String code) {
        String checked = code(field, code);
        Region region = Region.findById(checked);
        if (region == null) {
            throw new ValidationException(field + ": 行政区划代码不存在 — no administrative division has code " + checked + " (GB/T 2260; see regions)");
        }
        if (region.retired) {
            throw new ValidationException(field + ": 行政区划代码已撤销 — " + checked + " (" + region.name
                    + ") is retired; use the current code (see regions)");
        }
        return checked;
    }

    /** Six digits, else VALIDATION naming the field. */
    public static String code(String field, String code) {
        String stripped = code == null ? "" : code.strip();
        if (!stripped.matches("[0-9]{6}")) {
            throw new ValidationException(field + ": 行政区划代码为 6 位数字 — a region code is six digits (GB/T 2260)");
        }
        return stripped;
    }
}
