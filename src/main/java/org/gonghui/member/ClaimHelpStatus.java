package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;

/** Whether a help request still waits on an official. */
@Description("求助处理状态 (whether a help request still waits on an official)")
public enum ClaimHelpStatus {
    @Description("待处理 (waiting)")
    OPEN,
    @Description("已处理 (closed by an official)")
    CLOSED
}
