package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;

/** Where a transfer (会员接转) stands. */
@Description("接转状态 (transfer status)")
public enum TransferStatus {
    @Description("转出工会已办理, 待转入工会接收 (released by the outgoing union)")
    RELEASED,
    @Description("转入工会已接收 (accepted by the receiving union)")
    ACCEPTED,
    @Description("已撤销 (cancelled by either side before acceptance)")
    CANCELLED
}
