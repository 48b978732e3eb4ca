package org.gonghui.statistics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;
import org.gonghui.member.MemberStatus;
import org.gonghui.site.SiteKind;
import org.gonghui.union.UnionKind;
import org.gonghui.union.UnionLevel;
import org.gonghui.union.UnionStatus;

/** The rows of the breakdowns in {@link UnionStatistics}: a value and how many have it. */
public final class Counts {

    private Counts() {
    }

    @Name("UnionLevelCount")
    @Description("Unions of one level (PREPARING and ACTIVE unions).")
    public static class ByLevel {
        @NonNull
        @Description("Level.")
        public UnionLevel level;

        @NonNull
        @Description("Number of unions.")
        public int count;

        public ByLevel() {
        }

        ByLevel(UnionLevel level, long count) {
            this.level = level;
            this.count = Math.toIntExact(count);
        }
    }

    @Name("UnionKindCount")
    @Description("Unions of one kind (PREPARING and ACTIVE unions).")
    public static class ByKind {
        @NonNull
        @Description("Kind.")
        public UnionKind kind;

        @NonNull
        @Description("Number of unions.")
        public int count;

        public ByKind() {
        }

        ByKind(UnionKind kind, long count) {
            this.kind = kind;
            this.count = Math.toIntExact(count);
        }
    }

    @Name("UnionStatusCount")
    @Description("Unions in one status.")
    public static class ByUnionStatus {
        @NonNull
        @Description("Status.")
        public UnionStatus status;

        @NonNull
        @Description("Number of unions.")
        public int count;

        public ByUnionStatus() {
        }

        ByUnionStatus(UnionStatus status, long count) {
            this.status = status;
            this.count = Math.toIntExact(count);
        }
    }

    @Name("MemberStatusCount")
    @Description("Memberships (and applications) in one status.")
    public static class ByMemberStatus {
        @NonNull
        @Description("Status.")
        public MemberStatus status;

        @NonNull
        @Description("Number of memberships.")
        public int count;

        public ByMemberStatus() {
        }

        ByMemberStatus(MemberStatus status, long count) {
            this.status = status;
            this.count = Math.toIntExact(count);
        }
    }

    @Name("KeyGroupCount")
    @Description("Members of one key group (a member may belong to several groups).")
    public static class ByKeyGroup {
        @NonNull
        @Description("Key group.")
        public KeyGroup keyGroup;

        @NonNull
        @Description("Number of members.")
        public int count;

        public ByKeyGroup() {
        }

        ByKeyGroup(KeyGroup keyGroup, long count) {
            this.keyGroup = keyGroup;
            this.count = Math.toIntExact(count);
        }
    }

    @Name("SiteKindCount")
    @Description("Open service sites of one kind.")
    public static class BySiteKind {
        @NonNull
        @Description("Kind.")
        public SiteKind kind;

        @NonNull
        @Description("Number of open sites.")
        public int count;

        public BySiteKind() {
        }

        BySiteKind(SiteKind kind, long count) {
            this.kind = kind;
            this.count = Math.toIntExact(count);
        }
    }
}
