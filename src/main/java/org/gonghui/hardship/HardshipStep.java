package org.gonghui.hardship;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a file's review: who moved it where, and when. */
@Entity
@Table(name = "hardship_step")
@Name("HardshipStep")
@Description("建档流程记录 (one step of a hardship file's review: who, when, from and to)")
public class HardshipStep extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the step.")
    public Long id;

    @Ignore
    @Column(name = "file_id")
    public Long fileId;

    @Ignore
    @Column(name = "person_hash")
    public byte[] personHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    @Description("Status before; null for the application.")
    public HardshipEnums.Status fromStatus;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    @Description("Status after.")
    public HardshipEnums.Status toStatus;

    @Description("Note of the official (e.g. where the notice was posted).")
    public String note;

    @NonNull
    @Column(name = "actor_subject")
    @Description("Token subject of the official.")
    public String actorSubject;

    @NonNull
    @Column(name = "occurred_at", updatable = false)
    @Description("When.")
    public OffsetDateTime occurredAt;

    /** The steps of one file, oldest first (at most one per status: the workflow only goes forward). */
    static List<HardshipStep> of(long fileId) {
        return list("fileId = ?1 order by id", fileId);
    }
}
