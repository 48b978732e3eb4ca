package org.gonghui.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.gonghui.member.KeyGroup;
import org.gonghui.support.Money;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service program run by a union at any tier, with its budget and running totals. */
@Entity
@Table(name = "service_program")
@Name("ServiceProgram")
@Description("服务项目 (a service program: e.g. 两节送温暖, run by a union for a period, with a budget)")
public class ServiceProgram extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the program.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "union_id", updatable = false)
    @Description("Id of the organising union.")
    public Long unionId;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Kind.")
    public ProgramKind kind;

    @NonNull
    @Description("名称 (name), e.g. 2026 年两节送温暖.")
    public String name;

    @Description("说明 (description).")
    public String description;

    @NonNull
    @Column(name = "period_start")
    @Description("First day (Asia/Shanghai).")
    public LocalDate periodStart;

    @NonNull
    @Column(name = "period_end")
    @Description("Last day (Asia/Shanghai).")
    public LocalDate periodEnd;

    @Ignore
    public BigDecimal budget;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_key_groups", columnDefinition = "text[]")
    public String[] targetKeyGroupCodes = new String[0];

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Status.")
    public ProgramStatus status;

    @Ignore
    @Column(insertable = false)
    public BigDecimal spent;

    @NonNull
    @Column(name = "beneficiary_count", insertable = false)
    @Description("受益人次 (beneficiary records so far).")
    public int beneficiaryCount;

    @NonNull
    @Version
    @Description("Version for optimistic locking: pass it to updateServiceProgram.")
    public int version;

    @Ignore
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @NonNull
    @Description("预算 (budget, yuan, exact: \"287400.00\").")
    public String getBudgetYuan() {
        return Money.format(budget);
    }

    @NonNull
    @Description("已支出 (spent so far, yuan, exact); never more than the budget.")
    public String getSpentYuan() {
        return Money.format(spent == null ? BigDecimal.ZERO : spent);
    }

    @NonNull
    @Description("面向的重点群体 (target key groups); empty: every member.")
    public List<@NonNull KeyGroup> getTargetKeyGroups() {
        return Arrays.stream(targetKeyGroupCodes).map(KeyGroup::valueOf).toList();
    }

    Map<String, String> auditedFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("kind", kind.name());
        fields.put("name", name);
        fields.put("periodStart", periodStart.toString());
        fields.put("periodEnd", periodEnd.toString());
        fields.put("budget", Money.format(budget));
        fields.put("targetKeyGroups", String.join(",", targetKeyGroupCodes));
        fields.put("status", status.name());
        if (description != null) {
            fields.put("description", description);
        }
        return fields;
    }
}
