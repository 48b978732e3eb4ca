package org.gonghui.program;

import org.eclipse.microprofile.graphql.Description;

/** Life cycle of a program. */
@Description("服务项目状态 (program status)")
public enum ProgramStatus {
    @Description("计划中 (planned; not yet taking beneficiaries)")
    PLANNED,
    @Description("进行中 (open: members may apply, beneficiaries are recorded)")
    OPEN,
    @Description("已结束 (closed)")
    CLOSED
}
