package org.gonghui.workforce;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Registered workers of a key group in a union's area, as counted on a day. Counts are kept; the latest one counts. */
@Entity
@Table(name = "workforce_count")
@Name("WorkforceCount")
@Description("从业人员登记 (registered workers of a key group in a union's area, as counted on a day, e.g. 1,763 hazardous-goods drivers "
        + "registered with the transport authority). The latest count per group is the denominator of the enrolment rate.")
public class WorkforceCount extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the count.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "union_id", updatable = false)
    @Description("The union whose area was counted.")
    public Long unionId;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Column(name = "key_group", updatable = false)
    @Description("The key group.")
    public KeyGroup keyGroup;

    @NonNull
    @Column(name = "registered_workers", updatable = false)
    @Description("Registered workers of the group in the area.")
    public int registeredWorkers;

    @NonNull
    @Column(name = "counted_on", updatable = false)
    @Description("The day the figure stands for.")
    public LocalDate countedOn;

    @Column(updatable = false)
    @Description("Where the figure comes from, e.g. 市交通运输局 2026 年 6 月台账.")
    public String source;

    @NonNull
    @Column(name = "recorded_by", updatable = false)
    @Description("Token subject of the official who recorded it.")
    public String recordedBy;

    @NonNull
    @Column(name = "recorded_at", insertable = false, updatable = false)
    @Description("When it was recorded.")
    public OffsetDateTime recordedAt;
}
