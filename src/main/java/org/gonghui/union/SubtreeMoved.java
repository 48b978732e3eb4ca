package org.gonghui.union;

import java.util.List;

/**
 * A subtree was moved under another parent: fired synchronously by {@link UnionService#move} inside
 * the move's transaction and under the hierarchy lock, after the paths were rewritten. Observers
 * (the statistics rollup) keep what they derive from the hierarchy in step within that transaction,
 * so the union package need not know them.
 *
 * @param rootId the moved union
 * @param oldAncestors its ancestors before the move, root first
 * @param newAncestors its ancestors after the move, root first
 */
public record SubtreeMoved(long rootId, List<Long> oldAncestors, List<Long> newAncestors) {
}
