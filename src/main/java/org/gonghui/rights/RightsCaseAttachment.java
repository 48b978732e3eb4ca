package org.gonghui.rights;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * An attachment of a rights case as the worker and the officials who read the case in full see it:
 * what it is and where to download it, never its content or who exactly uploaded it. Built from rows
 * by {@link RightsCaseAttachmentService#attachmentsOf}.
 */
@Description("维权个案的材料 (an attachment of a rights case: a wage slip, contract or photo; the content is downloaded from downloadPath)")
public class RightsCaseAttachment {

    @Id
    @NonNull
    @Description("材料编号 (id of the attachment, unique within its case)")
    public Long id;

    @Id
    @NonNull
    @Description("所属个案编号 (id of the case)")
    public Long caseId;

    @NonNull
    @Description("文件类型 (the type checked from the content: image/jpeg, image/png or application/pdf)")
    public String contentType;

    @NonNull
    @Description("文件大小 (size in bytes of the stored file, after image metadata was removed)")
    public Integer sizeBytes;

    @NonNull
    @Description("上传时间 (when it was uploaded)")
    public OffsetDateTime uploadedAt;

    @NonNull
    @Description("是否由职工本人上传 (whether the worker uploaded it; false: an official of the handling union or the union above)")
    public Boolean uploadedByWorker;

    @NonNull
    @Description("下载地址 (where to GET the file: /rights-cases/{id}/attachments/{attachmentId} with the bearer token; officials add ?reason=…)")
    public String downloadPath;

    /** The download path of an attachment. */
    static String downloadPath(long caseId, long id) {
        return RightsCaseAttachmentResource.PATH + "/" + caseId + "/attachments/" + id;
    }
}
