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
     * Estimated cost: every field costs 1 plus its heavy-work price ({@link FieldCosts}); a connection's
     * edges count once per row it may return (its {@code first} argument, or the default page size).
     */
    @WithDefault("5000")
    int maxComplexity();

    /** Aliased fields in the document. */
    @WithDefault("30")
    int maxAliases();

    /** Operation definitions in the document (only one of them runs). */
    @WithDefault("10")
    int maxOperations();

    /** Fields priced in {@link FieldCosts} (counts, searches, trends, figures) in one document, each spread of a fragment counted. */
    @WithDefault("5")
    int maxHeavyFields();

    /**
     * Fields of figures as of a past day in one document (a drill-down's {@code statistics(asOf)} is
     * one field): each recounts a whole subtree's history, at a cost the document cannot tell.
     */
    @WithDefault("1")
    int maxAsOfFields();

    /**
     * Searches of members by name ({@code members(filter: {nameContains})}) in one document: each reads
     * every member of the subtree searched (two national ones with their totals took 2.5 s at
     * 1,000,000 members), at a cost the document cannot tell.
     */
    @WithDefault("1")
    int maxMemberNameSearches();

    /**
     * Heavy-work units ({@link FieldCosts}, times the rows they are asked for) one caller may spend per
     * minute, shared by all replicas; a document that costs more than this alone is refused outright.
     */
    @WithDefault("600")
    int heavyWorkPerMinute();

    /**
     * Longest a database statement run for a GraphQL request may take (PostgreSQL statement_timeout);
     * background jobs are not bound by it. 0 turns it off.
     */
    @WithDefault("5s")
    Duration statementTimeout();
}
