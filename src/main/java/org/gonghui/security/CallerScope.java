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

    /** Whether a union with this path lies in the caller's subtree (their own union included). */
    public boolean covers(String path) {
        return isOfficial() && path != null && path.startsWith(unionPath);
    }
}
