package org.gonghui.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.Money;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One benefit granted by a program: to a member or an organisation, money and/or an item. */
@Entity
@Table(name = "program_beneficiary")
@Name("Beneficiary")
@Description("受益记录 (one benefit granted: to a member or an organisation, an amount and/or an item)")
public class Beneficiary extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the record.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "program_id")
    @Description("The program.")
    public Long programId;

    @Ignore
    @Column(name = "union_id")
    public Long unionId;

    @Id
    @Column(name = "membership_id")
    @Description("The member who benefited (see `member(id)`); null for an organisation.")
    public Long membershipId;

    @Ignore
    @Column(name = "person_hash")
    public byte[] personHash;

    @Column(name = "organisation_name")
    @Description("The organisation that benefited; null for a member.")
    public String organisationName;

    @Column(name = "organisation_credit_code")
    @Description("Its unified social credit code.")
    public String organisationCreditCode;

    @Ignore
    public BigDecimal amount;

    @Column(name = "in_kind_item")
    @Description("实物 (item given), e.g. 防暑降温用品.")
    public String inKindItem;

    @Column(name = "in_kind_quantity")
    @Description("Number of items.")
    public Integer inKindQuantity;

    @NonNull
    @Column(name = "granted_on")
    @Description("Date granted (Asia/Shanghai).")
    public LocalDate grantedOn;

    @Description("Note.")
    public String note;

    @NonNull
    @Column(name = "created_by")
    @Description("Token subject of whoever recorded it.")
    public String createdBy;

    @Ignore
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Description("金额 (amount, yuan, exact); null for an item only.")
    public String getAmountYuan() {
        return Money.format(amount);
    }
}
