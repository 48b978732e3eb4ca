package org.gonghui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The authorization boundary is written once: no main source but {@link Subtree} names the union path
 * column in a SQL or HQL string, so a scoped list cannot be written without a {@code Subtree}.
 * <p>
 * The rule, applied to the string literals and text blocks of every file under {@code src/main/java}
 * (comments, identifiers and char literals are not looked at):
 * <ul>
 * <li>the word {@code path} on its own — not part of a longer identifier, so {@code target_path},
 * {@code targetPath}, {@code unionPath} and {@code pathIds()} do not count, while {@code u.path},
 * {@code path >=}, {@code order by path} and a bare {@code "path"} do — is allowed only in
 * {@code security/Subtree.java};</li>
 * <li>the names of the bound parameters ({@code subtreeFrom}, {@code subtreeTo}) likewise, so the range
 * cannot be bound by hand to a path the caller does not reach;</li>
 * <li>{@code union/TradeUnion.java}, the entity mapping, may name the column for its structural
 * statements (the placement read at sign-in, the move's rewrite of a subtree's paths, tree order), but
 * may not compare it as a range or prefix ({@code path >=}, {@code path <}, {@code like},
 * {@code starts_with}): its subtree predicates come from {@code Subtree} too;</li>
 * <li>literals that are not SQL and happen to be the word are listed in {@link #NOT_SQL} with the
 * reason (today only the {@code path} member of a GraphQL error).</li>
 * </ul>
 * The landed PL/pgSQL functions of the Flyway migrations are outside {@code src/main/java} and exempt.
 * {@link #theScanFiresOnKnownBadSnippets} feeds the scanner spellings of the boundary it must refuse.
 */
class SubtreeBoundaryTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String SUBTREE = "org/gonghui/security/Subtree.java";
    private static final String ENTITY = "org/gonghui/union/TradeUnion.java";

    /** The union path column (or property) as a word of its own, and the names the boundary is bound by. */
    private static final Pattern COLUMN = Pattern.compile("(?<![\\w$])path(?![\\w$])|subtreeFrom|subtreeTo");

    /** A range or prefix comparison on the column: forbidden even in the entity mapping. */
    private static final Pattern COMPARISON = Pattern.compile(
            "(?<![\\w$])path\\s*(>=|<(?![>=])|(not\\s+)?like\\b|~)|starts_with\\s*\\(|subtreeFrom|subtreeTo", Pattern.CASE_INSENSITIVE);

    /** Literals that are not SQL, by file: why each is allowed. */
    private static final Map<String, Set<String>> NOT_SQL = Map.of(
            // the "path" member of a GraphQL error (the response path, GraphQL spec 7.1.2)
            "org/gonghui/support/GraphQLErrors.java", Set.of("path"));

    @Test
    void onlySubtreeNamesTheUnionPathColumnInMainSources() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                offences.addAll(offences(name, read(file)));
            });
        }
        assertTrue(offences.isEmpty(), () -> "The union path column is named outside security/Subtree.java; render the boundary with a Subtree"
                + " (Scope.subtree(), Scope.subtree(unionId, field)) instead:\n  " + String.join("\n  ", offences));
    }

    @Test
    void theScanFiresOnKnownBadSnippets() {
        List<String> bad = List.of(
                "select * from membership m join trade_union u on u.id = m.union_id where u.path >= :from and u.path < :to",
                "from ServiceSite where unionId in (select u.id from TradeUnion u where u.path like :prefix)",
                "path >= ?1 and path < ?2",
                "select id from trade_union where starts_with(path, :root)",
                "order by j.path",
                "path");
        for (String snippet : bad) {
            String source = "class Feature { String q = \"\"\"\n" + snippet + "\"\"\"; String r = \"" + snippet + "\"; }";
            assertEquals(2, offences("org/gonghui/feature/Feature.java", source).size(), () -> "not caught: " + snippet);
        }
        // binding the boundary by hand is refused as well
        assertEquals(1, offences("org/gonghui/feature/Feature.java", "class F { void f() { params.put(\"subtreeFrom\", p); } }").size());
        // the entity mapping may name the column for structural statements, never compare it as a range or prefix
        assertTrue(offences(ENTITY, "class T { String q = \"select level, path, status from trade_union where id = ?\"; }").isEmpty());
        assertEquals(1, offences(ENTITY, "class T { String q = \"update trade_union set x = 1 where path >= :a and path < :b\"; }").size());
        assertEquals(1, offences(ENTITY, "class T { String q = \"path like :prefix\"; }").size());
    }

    @Test
    void theScanIgnoresLongerIdentifiersCommentsAndAllowedLiterals() {
        String source = """
                /** Compares u.path >= :from in a comment. */
                class Feature {
                    // order by path
                    String a = "select target_path, targetPath, unionPath from audit_event";
                    String b = "pathIds() and pathsAfter and subtree_path";
                    char c = '"';
                    String d = "escaped \\" quote, then pathless text";
                    List<Long> ids = union.pathIds();
                    String e = union.path;
                }
                """;
        assertTrue(offences("org/gonghui/feature/Feature.java", source).isEmpty(), () -> offences("org/gonghui/feature/Feature.java", source).toString());
        assertTrue(offences("org/gonghui/support/GraphQLErrors.java", "class G { void f() { spec.put(\"path\", path); } }").isEmpty());
        assertTrue(offences(SUBTREE, "class S { String q = \"path >= :subtreeFrom\"; }").isEmpty());
    }

    /** The literals of {@code source} (file {@code name} under src/main/java) that break the rule, as "file:line: literal". */
    static List<String> offences(String name, String source) {
        List<String> found = new ArrayList<>();
        if (name.equals(SUBTREE)) {
            return found;
        }
        Pattern rule = name.equals(ENTITY) ? COMPARISON : COLUMN;
        for (Literal literal : literals(source)) {
            if (rule.matcher(literal.text()).find() && !NOT_SQL.getOrDefault(name, Set.of()).contains(literal.text())) {
                found.add(name + ":" + literal.line() + ": " + literal.text().strip().replaceAll("\\s+", " "));
            }
        }
        return found;
    }

    record Literal(int line, String text) {
    }

    /** String literals and text blocks of a Java source, skipping comments and char literals. */
    static List<Literal> literals(String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                line += count(src, i, end);
                i = end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                out.add(new Literal(line, src.substring(i + 3, end)));
                line += count(src, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (src.charAt(end) != c) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(new Literal(line, src.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return out;
    }

    private static int count(String src, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (src.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
