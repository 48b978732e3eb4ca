package org.gonghui.security;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Who is calling, as the API sees it. */
@Name("Caller")
@Description("当前登录者 (the signed-in caller as the API sees them)")
public class CallerInfo {

    @NonNull
    @Description("The token subject (`sub`): the stable id of the login.")
    public String subject;

    @Description("The login name (`preferred_username`), for display.")
    public String username;

    @NonNull
    @Description("The caller's tier, from their one realm role.")
    public Tier tier;

    @Ignore
    Long unionId;

    public CallerInfo() {
    }

    CallerInfo(String subject, String username, CallerScope scope) {
        this.subject = subject;
        this.username = username;
        this.tier = scope.tier();
        this.unionId = scope.unionId();
    }
}
