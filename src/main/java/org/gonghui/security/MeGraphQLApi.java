package org.gonghui.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.support.TranslateErrors;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionService;

/** {@code me}: the caller, their tier and their union. */
@GraphQLApi
@TranslateErrors
public class MeGraphQLApi {

    @Inject
    Caller caller;

    @Inject
    UnionService unions;

    @Query("me")
    @Description("当前登录者 (the signed-in caller: tier and, for officials, their union).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public CallerInfo me() {
        return new CallerInfo(caller.subject(), caller.username(), caller.scope());
    }

    @Name("union")
    @Description("The union an official is bound to (`union_id` claim); null for members.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    public TradeUnion union(@Source CallerInfo me) {
        return me.unionId == null ? null : unions.get(me.unionId);
    }
}
