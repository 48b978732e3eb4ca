package org.gonghui.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

/**
 * Measures a parsed document against {@link RequestLimits}: depth, estimated cost, aliases and
 * operations, with fragments expanded. Pure and cheap: one walk over the document per request.
 */
final class DocumentLimits {

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private final int defaultPageSize;
    private int aliases;

    private DocumentLimits(Document document, Map<String, Object> variables, int defaultPageSize) {
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        this.variables = variables;
        this.defaultPageSize = defaultPageSize;
    }

    /** The first limit the document breaks, as a message naming the limit, or null. */
    static String violation(Document document, Map<String, Object> variables, RequestLimits limits, int defaultPageSize) {
        int operations = document.getDefinitionsOfType(OperationDefinition.class).size();
        if (operations > limits.maxOperations()) {
            return "operations: 一次请求最多 " + limits.maxOperations() + " 个操作 (at most " + limits.maxOperations()
                    + " operations per document), got " + operations;
        }
        DocumentLimits walk = new DocumentLimits(document, variables, defaultPageSize);
        int depth = 0;
        long complexity = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (isIntrospection(operation)) {
                // schema tools nest ofType deeply; production turns introspection off altogether
                continue;
            }
            depth = Math.max(depth, walk.depth(operation.getSelectionSet(), new HashSet<>()));
            complexity = Math.max(complexity, walk.cost(operation.getSelectionSet(), new HashSet<>()));
        }
        walk.countAliases(document);
        if (depth > limits.maxDepth()) {
            return "depth: 查询嵌套过深 (fields nest " + depth + " levels, at most " + limits.maxDepth() + ")";
        }
        if (complexity > limits.maxComplexity()) {
            return "complexity: 查询过于复杂 (estimated cost " + complexity + ", at most " + limits.maxComplexity()
                    + "; ask for smaller pages)";
        }
        if (walk.aliases > limits.maxAliases()) {
            return "aliases: 别名过多 (" + walk.aliases + " aliased fields, at most " + limits.maxAliases() + ")";
        }
        return null;
    }

    private static boolean isIntrospection(OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }

    private int depth(SelectionSet set, Set<String> expanding) {
        int deepest = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                int below = field.getSelectionSet() == null ? 0 : depth(field.getSelectionSet(), expanding);
                deepest = Math.max(deepest, 1 + below);
            } else {
                SelectionSet inner = inner(selection, expanding);
                if (inner != null) {
                    deepest = Math.max(deepest, depth(inner, expanding));
                    leave(selection, expanding);
                }
            }
        }
        return deepest;
    }

    private long cost(SelectionSet set, Set<String> expanding) {
        long total = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                long below = field.getSelectionSet() == null ? 0 : cost(field.getSelectionSet(), expanding);
                total += 1 + rows(field) * below;
            } else {
                SelectionSet inner = inner(selection, expanding);
                if (inner != null) {
                    total += cost(inner, expanding);
                    leave(selection, expanding);
                }
            }
            if (total > Integer.MAX_VALUE) {
                return total;
            }
        }
        return total;
    }

    /** How many rows a field may return: its {@code first}, the default page size for connections, else 1. */
    private long rows(Field field) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first")) {
                if (argument.getValue() instanceof IntValue value) {
                    return Math.max(1, value.getValue().longValue());
                }
                if (argument.getValue() instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
                    return Math.max(1, n.longValue());
                }
                return defaultPageSize;
            }
        }
        boolean connection = field.getSelectionSet() != null && field.getSelectionSet().getSelections().stream()
                .anyMatch(s -> s instanceof Field f && f.getName().equals("edges"));
        return connection ? defaultPageSize : 1;
    }

    private SelectionSet inner(Selection<?> selection, Set<String> expanding) {
        if (selection instanceof InlineFragment inline) {
            return inline.getSelectionSet();
        }
        if (selection instanceof FragmentSpread spread) {
            FragmentDefinition definition = fragments.get(spread.getName());
            // an unknown or self-including fragment is left to GraphQL validation, which rejects it
            if (definition == null || !expanding.add(spread.getName())) {
                return null;
            }
            return definition.getSelectionSet();
        }
        return null;
    }

    private static void leave(Selection<?> selection, Set<String> expanding) {
        if (selection instanceof FragmentSpread spread) {
            expanding.remove(spread.getName());
        }
    }

    private void countAliases(Document document) {
        document.getDefinitions().forEach(definition -> {
            if (definition instanceof OperationDefinition operation) {
                countAliases(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                countAliases(fragment.getSelectionSet());
            }
        });
    }

    private void countAliases(SelectionSet set) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getAlias() != null) {
                    aliases++;
                }
                countAliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                countAliases(inline.getSelectionSet());
            }
        }
    }
}
