package org.gonghui.roster;

import org.eclipse.microprofile.graphql.Description;

/** Where a roster import stands: QUEUED → VALIDATING → WRITING → SUCCEEDED, or FAILED. */
@Description("花名册导入状态 (state of a roster import job)")
public enum RosterImportState {
    @Description("已排队 (uploaded, waiting for a worker)")
    QUEUED,
    @Description("校验中 (rows are being checked; processedRows grows)")
    VALIDATING,
    @Description("写入中 (the valid rows are being written in one transaction)")
    WRITING,
    @Description("已完成 (done: writtenRows were written; a dry run wrote nothing; with partial=true failed rows were skipped)")
    SUCCEEDED,
    @Description("失败 (nothing was written; message and failures say why)")
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
