package org.gonghui.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
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
import org.gonghui.member.KeyGroup;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An enrolment target of a union's area. */
@Entity
@Table(name = "enrolment_target")
@Name("EnrolmentTarget")
@Description("入会目标 (an enrolment target of a union's area: a rate of key-group workers enrolled by a day, or a number of new members over "
        + "some months). `progress` measures it against the figures.")
public class EnrolmentTarget extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the target.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "union_id", updatable = false)
    @Description("The union whose area (subtree) the target is for.")
    public Long unionId;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("What it measures.")
    public TargetKind kind;

    @NonNull
    @Description("标题, e.g. 四大群体入会率 50%.")
    public String title;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "key_groups", columnDefinition = "text[]")
    public String[] keyGroupNames;

    @Ignore
    @Column(name = "target_rate")
    public BigDecimal targetRateValue;

    @Column(name = "target_count")
    @Description("NEW_MEMBERS and NEW_FORM_MEMBERS: the number to reach.")
    public Integer targetCount;

    @Ignore
    @Column(name = "period_start")
    public LocalDate periodStart;

    @NonNull
    @Column(name = "due_on")
    @Description("The last day of the target.")
    public LocalDate dueOn;

    @NonNull
    @Column(name = "created_by", updatable = false)
    @Description("Token subject of the official who set it.")
    public String createdBy;

    @NonNull
    @Column(name = "created_at", insertable = false, updatable = false)
    @Description("When it was set.")
    public OffsetDateTime createdAt;

    @NonNull
    @Description("KEY_GROUP_ENROLMENT: the key groups counted together (e.g. the four national targets).")
    public List<@NonNull KeyGroup> getKeyGroups() {
        return Arrays.stream(keyGroupNames).map(KeyGroup::valueOf).toList();
    }

    @Description("KEY_GROUP_ENROLMENT: the share to reach, between 0 and 1 (0.5 is 50%).")
    public Double getTargetRate() {
        return targetRateValue == null ? null : targetRateValue.doubleValue();
    }

    @Description("NEW_MEMBERS and NEW_FORM_MEMBERS: the first month counted, YYYY-MM (the last is the month of `dueOn`).")
    public String getPeriodFrom() {
        return periodStart == null ? null : YearMonth.from(periodStart).toString();
    }
}
