package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;

/** Where a transfer (会员接转) or a member's transfer request stands. */
@Description("接转状态 (transfer status: REQUESTED → RELEASED, DECLINED, CANCELLED or EXPIRED; RELEASED → ACCEPTED or CANCELLED)")
public enum TransferStatus {
    @Description("会员已申请转会, 待转出工会办理 (the member asked to move; waits for the outgoing union to release or decline, at most 30 days)")
    REQUESTED,
    @Description("转出工会已办理, 待转入工会接收 (released by the outgoing union)")
    RELEASED,
    @Description("转入工会已接收 (accepted by the receiving union)")
    ACCEPTED,
    @Description("已撤销 (cancelled by either side before acceptance, or a request withdrawn by the member)")
    CANCELLED,
    @Description("转出工会不同意 (the outgoing union declined the member's request, with a reason)")
    DECLINED,
    @Description("申请已过期 (the member's request was neither released nor declined within 30 days)")
    EXPIRED
}
