package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The one answer of a request that must not reveal whether it matched anything. */
@Description("请求已受理 (the answer of a request that does not reveal whether it matched a record: the same text every time)")
public class RequestReceived {

    @NonNull
    @Description("提示 (what happens next; the same for every request of its kind).")
    public String message;

    RequestReceived(String message) {
        this.message = message;
    }
}
