package org.gonghui.support;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The price of the fields that read a whole subtree (counts, searches, trends, figures as of a past
 * day), in heavy-work units on top of the cost of 1 that every field has. One unit is roughly one
 * subtree-wide read of a year of figures; a search over the members of a subtree is ten. The table
 * is the only place these weights live: {@link DocumentLimits} reads it to price documents, and a
 * test walks the schema so that a new count, search or as-of field cannot go unpriced.
 */
final class FieldCosts {

    /** The work a field does, given its arguments (literal values with variables substituted; absent ones missing). */
    interface Price extends ToIntFunction<Map<String, Object>> {
    }

    /** Months of a trend or period nobody can read the size of (a variable without a value): the longest allowed. */
    static final int MAX_MONTHS = 120;

    private static final Price SEARCH_MEMBERS = args -> has(args, "filter", "nameContains") ? 10 : 0;

    private static final Price SEARCH_UNIONS = args -> has(args, "filter", "nameContains") ? 3 : 0;

    /** Figures read from the rollup cost 1; as of a past day they are recounted from the history (10); a period costs by its length. */
    private static final Price STATISTICS = args -> 1 + (args.get("asOf") != null ? 10 : 0)
            + (args.get("period") instanceof Map<?, ?> period ? years(months(period.get("from"), period.get("to"))) : 0);

    private static final Price TREND = args -> years(months(args.get("from"), args.get("to")));

    /** Coordinates (Type.field) of the heavy fields and their prices. */
    static final Map<String, Price> HEAVY = Map.ofEntries(
            Map.entry("Query.members", SEARCH_MEMBERS),
            Map.entry("Query.unions", SEARCH_UNIONS),
            Map.entry("MemberConnection.totalCount", args -> 10),
            Map.entry("UnionConnection.totalCount", args -> 3),
            Map.entry("FundsRemittanceConnection.totalCount", args -> 5),
            Map.entry("FundsRemittanceConnection.totals", args -> 5),
            Map.entry("Query.shellUnions", args -> 10),
            Map.entry("ShellUnionConnection.totalCount", args -> 20),
            Map.entry("Query.memberTrend", TREND),
            Map.entry("Query.statistics", STATISTICS),
            Map.entry("Union.statistics", STATISTICS),
            // every case the subtree's unions received, whatever the period: like a count over the subtree
            Map.entry("Query.rightsCaseStatistics", args -> 3),
            Map.entry("Union.rightsCaseStatistics", args -> 3),
            Map.entry("Query.programTotals", args -> 3),
            Map.entry("ProgramConnection.totalCount", args -> 3),
            Map.entry("ProgramApplicationConnection.totalCount", args -> 1),
            Map.entry("BeneficiaryConnection.totalCount", args -> 1),
            Map.entry("ClaimHelpRequestConnection.totalCount", args -> 1),
            // a subtree's rights cases (officials' queue) or a worker's own: a count through the handling-union index
            Map.entry("RightsCaseConnection.totalCount", args -> 1),
            // one person's rows through an index: priced at the minimum so that the schema walk knows them
            Map.entry("TransferRequestConnection.totalCount", args -> 1),
            Map.entry("OwnHardshipCaseConnection.totalCount", args -> 1),
            // one member's own notifications: small, but a count all the same
            Map.entry("NotificationConnection.totalCount", args -> 1),
            Map.entry("Query.keyGroupEnrolment", args -> 3),
            Map.entry("EnrolmentTarget.progress", args -> 5),
            // the public union directory: a name or employer search reads the grams index of every public union
            Map.entry("Query.findUnions", args -> has(args, "filter", "nameContains") || has(args, "filter", "employerName") ? 3 : 0),
            Map.entry("UnionCardConnection.totalCount", args -> 3),
            // the divisions below one code: an index range of at most a few hundred rows
            Map.entry("RegionConnection.totalCount", args -> 0));

    private FieldCosts() {
    }

    /** Heavy-work units of one execution of the field, 0 for an ordinary field. */
    static int price(String type, String field, Map<String, Object> arguments) {
        Price price = HEAVY.get(type + "." + field);
        return price == null ? 0 : price.applyAsInt(arguments);
    }

    /** A search of members by name ({@code members(filter: {nameContains})}): its work grows with the subtree searched. */
    static boolean isMemberNameSearch(String type, String field, Map<String, Object> arguments) {
        return "Query".equals(type) && "members".equals(field) && has(arguments, "filter", "nameContains");
    }

    private static boolean has(Map<String, Object> args, String input, String field) {
        return args.get(input) instanceof Map<?, ?> object && object.get(field) != null;
    }

    /** One unit per started year. */
    private static int years(int months) {
        return Math.max(1, (months + 11) / 12);
    }

    /** Months from..to inclusive; the maximum when either is unknown or malformed (the field itself then refuses it). */
    static int months(Object from, Object to) {
        if (from instanceof String f && to instanceof String t) {
            try {
                long months = ChronoUnit.MONTHS.between(YearMonth.parse(f), YearMonth.parse(t)) + 1;
                return (int) Math.max(1, Math.min(MAX_MONTHS, months));
            } catch (DateTimeParseException e) {
                return MAX_MONTHS;
            }
        }
        return MAX_MONTHS;
    }
}
