package org.gonghui.union;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One re-parenting of a union, kept so figures can later be answered as of a past date. */
@Entity
@Table(name = "union_move")
public class UnionMove extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "union_id")
    public Long unionId;

    @Column(name = "from_parent_id")
    public Long fromParentId;

    @Column(name = "to_parent_id")
    public Long toParentId;

    @Column(name = "moved_at")
    public OffsetDateTime movedAt;

    @Column(name = "moved_by")
    public String movedBy;

    static void record(long unionId, long fromParentId, long toParentId, String movedBy) {
        UnionMove move = new UnionMove();
        move.unionId = unionId;
        move.fromParentId = fromParentId;
        move.toParentId = toParentId;
        move.movedAt = OffsetDateTime.now();
        move.movedBy = movedBy;
        move.persist();
    }
}
