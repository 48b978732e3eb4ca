package org.gonghui.hardship;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A hardship file; never a GraphQL type itself: the API builds {@link HardshipFileView} after an audited read. */
@Entity
@Table(name = "hardship_file")
public class HardshipFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "membership_id", updatable = false)
    public Long membershipId;

    @Column(name = "person_hash", updatable = false)
    public byte[] personHash;

    @Column(name = "union_id", updatable = false)
    public Long unionId;

    @Enumerated(EnumType.STRING)
    public HardshipEnums.Level level;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] reasons;

    @Column(name = "details_cipher")
    public byte[] detailsCipher;

    @Column(name = "details_key")
    public String detailsKey;

    @Enumerated(EnumType.STRING)
    public HardshipEnums.Status status;

    @Version
    public int version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
