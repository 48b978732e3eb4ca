package org.gonghui.security;

/**
 * Role names used in {@code @RolesAllowed}. {@link #OFFICIAL} is derived by {@link CallerScopeAugmentor}
 * for any token whose tier role and {@code union_id} were verified; it is never taken from a token.
 */
public final class Roles {

    public static final String OFFICIAL = "gonghui:official";
    public static final String MEMBER = "member";

    private Roles() {
    }
}
