package org.gonghui.roster;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** One failed check of one row. Messages never contain the ID number or phone that failed. */
@Description("导入失败项 (one failed check: row, column, stable code, message)")
public class RosterImportFailure {

    @Ignore
    public long importId;

    @Ignore
    public int seq;

    @NonNull
    @Description("Row number as a spreadsheet shows it: the header is row 1, the first data row 2.")
    public int row;

    @Description("The column as named in the file's header; null for failures of the whole row or file.")
    public String column;

    @NonNull
    @Description("Stable code: REQUIRED, TOO_LONG, INVALID_ID_NUMBER, INVALID_PHONE, INVALID_CREDIT_CODE, INVALID_DATE, FUTURE_DATE, "
            + "UNKNOWN_KEY_GROUP, INVALID_FLAG, WRONG_FIELD_COUNT, MALFORMED_CSV, DUPLICATE_IN_FILE, ALREADY_MEMBER, APPLICATION_PENDING, "
            + "NAME_MISMATCH, MISSING_COLUMN, UNKNOWN_COLUMN, DUPLICATE_COLUMN, NO_DATA_ROWS, UNREADABLE_FILE.")
    public String code;

    @NonNull
    @Description("What is wrong, in Chinese and English.")
    public String message;

    public RosterImportFailure() {
    }

    RosterImportFailure(long importId, int seq, int row, String column, String code, String message) {
        this.importId = importId;
        this.seq = seq;
        this.row = row;
        this.column = column;
        this.code = code;
        this.message = message;
    }
}
