package org.gonghui.support;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on one GraphQL request, checked before anything executes (OWASP GraphQL cheat sheet). */
@ConfigMapping(prefix = "gonghui.limits")
public interface RequestLimits {

    /** Time for a request body to arrive in full, counted from its headers; then 408 and the connection closes. */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** Characters of the query document. */
    @WithDefault("20000")
    int maxCharacters();

    /** Parser tokens of the query document. */
    @WithDefault("3000")
    int maxTokens();

    /** Nesting of fields, counted from the operation's root fields (1) down. */
    @WithDefault("12")
    int maxDepth();

    /**
     * Estimated cost: every field costs 1; a list field's subtree counts once per row it may return
     * (its {@code first} argument, or the default page size).
     */
    @WithDefault("5000")
    int maxComplexity();

    /** Aliased fields in the document. */
    @WithDefault("30")
    int maxAliases();

    /** Operation definitions in the document (only one of them runs). */
    @WithDefault("10")
    int maxOperations();
}
