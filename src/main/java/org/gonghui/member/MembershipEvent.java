package org.gonghui.member;

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
import org.gonghui.support.SqlText;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status change of a membership: the history that survives transfers. */
@Entity
@Table(name = "membership_event")
@Name("MembershipEvent")
@Description("会籍变动记录 (one status change of a membership)")
public class MembershipEvent extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the record; later changes have larger ids.")
    public Long id;

    @Ignore
    @Column(name = "membership_id")
    public Long membershipId;

    @Ignore
    @Column(name = "person_hash")
    public byte[] personHash;

    @Id
    @NonNull
    @Column(name = "union_id")
    @Description("The union the membership belonged to after the change.")
    public Long unionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    @Description("Status before; null for the application that started the membership.")
    public MemberStatus fromStatus;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    @Description("Status after.")
    public MemberStatus toStatus;

    @Description("The reason given, if any.")
    public String reason;

    @NonNull
    @Column(name = "actor_subject")
    @Description("Token subject of whoever made the change.")
    public String actorSubject;

    @NonNull
    @Column(name = "occurred_at", insertable = false, updatable = false)
    @Description("When.")
    public OffsetDateTime occurredAt;

    static void record(Membership membership, MemberStatus from, String reason, String actor) {
        MembershipEvent event = new MembershipEvent();
        event.membershipId = membership.id;
        event.personHash = membership.personHash;
        event.unionId = membership.unionId;
        event.fromStatus = from;
        event.toStatus = membership.status;
        event.reason = reason;
        event.actorSubject = actor;
        event.persist();
    }

    /** The first {@code limit} events after {@code afterId} of each membership, oldest first, in one statement. */
    @SuppressWarnings("unchecked")
    static List<MembershipEvent> findPages(List<Long> membershipIds, Long afterId, int limit) {
        if (membershipIds.isEmpty() || limit == 0) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                select e.* from unnest(cast(:ids as bigint[])) as m(id) cross join lateral (
                    select * from membership_event e where e.membership_id = m.id and e.id > :after order by e.id limit :limit) e""",
                MembershipEvent.class)
                .setParameter("ids", SqlText.longArray(membershipIds))
                .setParameter("after", afterId == null ? 0L : afterId)
                .setParameter("limit", limit)
                .getResultList();
    }
}
