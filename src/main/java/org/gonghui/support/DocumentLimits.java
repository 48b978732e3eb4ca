package org.gonghui.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;

/**
 * Measures a parsed document against {@link RequestLimits}: depth, estimated cost, aliases, heavy
 * fields ({@link FieldCosts}) and operations. Fragments are never expanded: each fragment is
 * summarised once and its summary reused at every spread, so the work is linear in the size of the
 * document however the fragments nest (a chain of fragments that each spread the next twice would
 * otherwise take time exponential in its length). Cycles are left to validation and count nothing.
 */
final class DocumentLimits {

    /** Bigger than any limit; sums and products stop there instead of overflowing. */
    private static final long CAP = 1L << 50;
    /** Levels of nested input objects in variables read for pricing; deeper ones are not needed. */
    private static final int VARIABLE_DEPTH = 4;

    /**
     * What a selection set amounts to. The {@code page} parts come from {@code edges} and {@code nodes}
     * directly in it: a connection multiplies them by its page size, and everything else (its
     * {@code totalCount}, {@code pageInfo}) once.
     */
    private record Summary(long depth, long cost, long pageCost, long heavy, long pageHeavy, long aliases, long heavyFields, long asOfFields,
            long nameSearches) {

        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0);

        Summary plus(Summary other) {
            return new Summary(Math.max(depth, other.depth), add(cost, other.cost), add(pageCost, other.pageCost), add(heavy, other.heavy),
                    add(pageHeavy, other.pageHeavy), add(aliases, other.aliases), add(heavyFields, other.heavyFields),
                    add(asOfFields, other.asOfFields), add(nameSearches, other.nameSearches));
        }
    }

    /** The measures of a document and the first limit it breaks (null if none). */
    record Measure(String violation, long depth, long cost, long aliases, long heavyFields, long heavyCost, long visited, long asOfFields,
            long nameSearches) {
    }

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Summary> summaries = new HashMap<>();
    private final Set<String> summarising = new HashSet<>();
    private final Map<String, Object> variables;
    private final GraphQLSchema schema;
    private final int defaultPageSize;
    /** Selections visited: linear in the document's size (what the tests measure). */
    private long visited;

    private DocumentLimits(Document document, Map<String, Object> variables, GraphQLSchema schema, int defaultPageSize) {
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        this.variables = variables;
        this.schema = schema;
        this.defaultPageSize = defaultPageSize;
    }

    /** Measures the document; for a document of several operations, the largest figure of any of them. */
    static Measure measure(Document document, Map<String, Object> variables, GraphQLSchema schema, RequestLimits limits, int defaultPageSize) {
        int operations = document.getDefinitionsOfType(OperationDefinition.class).size();
        DocumentLimits walk = new DocumentLimits(document, variables, schema, defaultPageSize);
        Summary largest = Summary.EMPTY;
        if (operations <= limits.maxOperations()) {
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                if (isIntrospection(operation)) {
                    // schema tools nest ofType deeply; production turns introspection off altogether
                    continue;
                }
                Summary s = walk.summarise(operation.getSelectionSet(), rootType(schema, operation));
                largest = new Summary(Math.max(largest.depth, s.depth), Math.max(largest.cost, add(s.cost, s.pageCost)), 0,
                        Math.max(largest.heavy, add(s.heavy, s.pageHeavy)), 0, Math.max(largest.aliases, s.aliases),
                        Math.max(largest.heavyFields, s.heavyFields), Math.max(largest.asOfFields, s.asOfFields),
                        Math.max(largest.nameSearches, s.nameSearches));
            }
        }
        return new Measure(violation(operations, largest, limits), largest.depth, largest.cost, largest.aliases, largest.heavyFields,
                largest.heavy, walk.visited, largest.asOfFields, largest.nameSearches);
    }

    private static String violation(int operations, Summary s, RequestLimits limits) {
        if (operations > limits.maxOperations()) {
            return "operations: 一次请求最多 " + limits.maxOperations() + " 个操作 (at most " + limits.maxOperations()
                    + " operations per document), got " + operations;
        }
        if (s.depth > limits.maxDepth()) {
            return "depth: 查询嵌套过深 (fields nest " + s.depth + " levels, at most " + limits.maxDepth() + ")";
        }
        if (s.cost > limits.maxComplexity()) {
            return "complexity: 查询过于复杂 (estimated cost " + s.cost + ", at most " + limits.maxComplexity()
                    + "; ask for smaller pages)";
        }
        if (s.aliases > limits.maxAliases()) {
            return "aliases: 别名过多 (" + s.aliases + " aliased fields, at most " + limits.maxAliases() + ")";
        }
        if (s.heavyFields > limits.maxHeavyFields()) {
            return "heavy: 统计类字段过多 (" + s.heavyFields + " fields that read a whole subtree: counts, searches, trends, figures; at most "
                    + limits.maxHeavyFields() + " per document)";
        }
        if (s.asOfFields > limits.maxAsOfFields()) {
            return "heavy: 历史口径统计过多 (" + s.asOfFields + " fields of figures as of a past day, each recounted from the history of a whole "
                    + "subtree; at most " + limits.maxAsOfFields() + " per document: ask for one day per request)";
        }
        if (s.nameSearches > limits.maxMemberNameSearches()) {
            return "heavy: 会员姓名搜索过多 (" + s.nameSearches + " searches of members by name, each reading every member of a subtree; at most "
                    + limits.maxMemberNameSearches() + " per document)";
        }
        if (s.heavy > limits.heavyWorkPerMinute()) {
            return "heavy: 统计工作量过大 (" + s.heavy + " units of subtree-wide work; a caller may spend at most "
                    + limits.heavyWorkPerMinute() + " a minute; ask for fewer rows or shorter periods)";
        }
        return null;
    }

    private static String rootType(GraphQLSchema schema, OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType() == null ? null : schema.getMutationType().getName();
            case SUBSCRIPTION -> schema.getSubscriptionType() == null ? null : schema.getSubscriptionType().getName();
            default -> schema.getQueryType().getName();
        };
    }

    private static boolean isIntrospection(OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }

    private Summary summarise(SelectionSet set, String type) {
        Summary total = Summary.EMPTY;
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            visited++;
            if (selection instanceof Field field) {
                total = total.plus(field(field, type));
            } else if (selection instanceof InlineFragment inline) {
                String on = inline.getTypeCondition() == null ? type : inline.getTypeCondition().getName();
                total = total.plus(summarise(inline.getSelectionSet(), on));
            } else if (selection instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName()));
            }
        }
        return total;
    }

    /** A fragment's summary, computed at its first spread and reused at every other. */
    private Summary fragment(String name) {
        Summary known = summaries.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        // an unknown or self-including fragment is left to GraphQL validation, which rejects it
        if (definition == null || !summarising.add(name)) {
            return Summary.EMPTY;
        }
        Summary summary = summarise(definition.getSelectionSet(), definition.getTypeCondition().getName());
        summarising.remove(name);
        summaries.put(name, summary);
        return summary;
    }

    private Summary field(Field field, String parentType) {
        Summary below = summarise(field.getSelectionSet(), childType(parentType, field.getName()));
        Map<String, Object> arguments = arguments(field);
        long rows = rows(arguments);
        long price = parentType == null ? 0 : FieldCosts.price(parentType, field.getName(), arguments);
        long cost = add(add(1 + price, below.cost), multiply(rows, below.pageCost));
        long heavy = add(add(price, below.heavy), multiply(rows, below.pageHeavy));
        long aliases = add(field.getAlias() == null ? 0 : 1, below.aliases);
        long heavyFields = add(price > 0 ? 1 : 0, below.heavyFields);
        // figures as of a past day are recounted per subtree: their cost grows with the subtree, which the document cannot tell
        long asOfFields = add(price > 0 && arguments.get("asOf") != null ? 1 : 0, below.asOfFields);
        // so is a search of members by name: it reads every member of the subtree to match the name
        long nameSearches = add(FieldCosts.isMemberNameSearch(parentType, field.getName(), arguments) ? 1 : 0, below.nameSearches);
        boolean page = field.getName().equals("edges") || field.getName().equals("nodes");
        return new Summary(1 + below.depth, page ? 0 : cost, page ? cost : 0, page ? 0 : heavy, page ? heavy : 0, aliases, heavyFields, asOfFields,
                nameSearches);
    }

    private String childType(String parentType, String fieldName) {
        if (parentType == null || !(schema.getType(parentType) instanceof GraphQLFieldsContainer container)) {
            return null;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(fieldName);
        if (definition == null) {
            return null;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        return type instanceof GraphQLUnmodifiedType named ? named.getName() : null;
    }

    /** How many rows a connection may return: its {@code first}, else the default page size (only its edges count them). */
    private long rows(Map<String, Object> arguments) {
        if (arguments.get("first") instanceof Number n) {
            return Math.max(1, n.longValue());
        }
        return defaultPageSize;
    }

    private Map<String, Object> arguments(Field field) {
        Map<String, Object> arguments = new HashMap<>();
        for (Argument argument : field.getArguments()) {
            arguments.put(argument.getName(), value(argument.getValue(), 0));
        }
        return arguments;
    }

    /** A literal's value with variables substituted: numbers, strings, objects as maps; anything else only as present. */
    private Object value(Value<?> value, int depth) {
        if (value instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        if (value instanceof IntValue i) {
            return i.getValue().min(BigInteger.valueOf(CAP)).max(BigInteger.valueOf(-CAP)).longValue();
        }
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof NullValue) {
            return null;
        }
        if (value instanceof ObjectValue object && depth < VARIABLE_DEPTH) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (ObjectField f : object.getObjectFields()) {
                fields.put(f.getName(), value(f.getValue(), depth + 1));
            }
            return fields;
        }
        // enums, booleans, floats, lists: no price depends on their value, only on their presence
        return Boolean.TRUE;
    }

    /** The request's variables as the estimate reads them: numbers, strings and input objects (a few levels deep). */
    static Map<String, Object> variables(JsonObject variables) {
        Map<String, Object> values = new HashMap<>();
        variables.forEach((name, value) -> {
            Object v = variable(value, 0);
            if (v != null) {
                values.put(name, v);
            }
        });
        return values;
    }

    private static Object variable(JsonValue value, int depth) {
        if (value instanceof JsonNumber number) {
            // compared as a decimal first: a literal like 1e1000000 must not be expanded into its digits
            BigDecimal decimal = number.bigDecimalValue();
            return decimal.abs().compareTo(BigDecimal.valueOf(CAP)) > 0 ? CAP * decimal.signum() : decimal.longValue();
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonObject object && depth < VARIABLE_DEPTH) {
            Map<String, Object> fields = new HashMap<>();
            object.forEach((name, v) -> fields.put(name, variable(v, depth + 1)));
            return fields;
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : Boolean.TRUE;
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
