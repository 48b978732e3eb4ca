package org.gonghui.program;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's application to a program; the organiser approves (recording the benefit) or rejects. */
@Entity
@Table(name = "program_application")
@Name("ProgramApplication")
@Description("服务项目申请 (a member's application to a program)")
public class ProgramApplication extends PanacheEntityBase {

    /** Where an application stands. */
    @Name("ProgramApplicationStatus")
    @Description("申请状态 (status of a program application)")
    public enum Status {
        @Description("待审批 (awaiting the organiser)")
        PENDING,
        @Description("已批准 (approved; see beneficiaryId)")
        APPROVED,
        @Description("未批准 (rejected, with a reason)")
        REJECTED
    }

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the application.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "program_id", updatable = false)
    @Description("The program.")
    public Long programId;

    @Id
    @NonNull
    @Column(name = "membership_id", updatable = false)
    @Description("The applying member.")
    public Long membershipId;

    @Ignore
    @Column(name = "person_hash", updatable = false)
    public byte[] personHash;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Status.")
    public Status status;

    @Description("The applicant's note.")
    public String note;

    @Ignore
    @Column(name = "applicant_subject", updatable = false)
    public String applicantSubject;

    @Column(name = "decided_by")
    @Description("Token subject of the official who decided.")
    public String decidedBy;

    @Column(name = "decided_at")
    @Description("When it was decided.")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    @Description("Reason given with the decision.")
    public String decisionReason;

    @Id
    @Column(name = "beneficiary_id")
    @Description("The benefit recorded on approval.")
    public Long beneficiaryId;

    @NonNull
    @Version
    @Description("Version for optimistic locking.")
    public int version;

    @NonNull
    @Column(name = "created_at", insertable = false, updatable = false)
    @Description("When the member applied.")
    public OffsetDateTime createdAt;
}
