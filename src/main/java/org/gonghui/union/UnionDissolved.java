package org.gonghui.union;

/**
 * A union was dissolved: fired synchronously by {@link UnionService#dissolve} inside the dissolution's
 * transaction, after the status was written. Observers (members' open transfers into it) end what can
 * no longer go on, in that transaction, so the union package need not know them.
 *
 * @param unionId the dissolved union
 */
public record UnionDissolved(long unionId) {
}
