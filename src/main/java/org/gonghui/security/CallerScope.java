package org.gonghui.security;

/**
 * What a verified token may reach: the tier and, for officials, the union it is bound to with that
 * union's materialized path. Attached to the security identity once per request.
 */
public record CallerScope(Tier tier, Long unionId, String unionPath) {

    public static final String ATTRIBUTE = "gonghui.scope";

    public boolean isOfficial() {
        return unionId != null;
    }

    /** The official's own subtree (their union and everything below it); null for members. */
    public Subtree subtree() {
        return isOfficial() ? Subtree.at(unionPath) : null;
    }
}
