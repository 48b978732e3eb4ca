package org.gonghui.security;

/** Subtrees for tests that render a statement without a request (query plans); main code gets them from {@link Scope}. */
public final class TestSubtrees {

    private TestSubtrees() {
    }

    /** The subtree under the union with this materialized path, e.g. {@code /1/41/4103/410306/}. */
    public static Subtree at(String unionPath) {
        return Subtree.at(unionPath);
    }
}
