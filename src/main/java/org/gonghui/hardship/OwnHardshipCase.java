package org.gonghui.hardship;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A hardship file as the member it is about sees it: where the review stands and when each step
 * happened. Never the household facts' review, the level officials set, their notes or who they are.
 */
@Description("本人的困难帮扶申请 (a hardship file as the member it is about sees it: status and step dates only)")
public class OwnHardshipCase {

    @Id
    @NonNull
    @Description("Id of the file.")
    public Long id;

    @NonNull
    @Description("Where the review stands (APPLIED → REVIEWED → PUBLIC_NOTICE → CONFIRMED → CLOSED).")
    public HardshipEnums.Status status;

    @NonNull
    @Description("When the file was opened (applied for).")
    public OffsetDateTime appliedAt;

    @NonNull
    @Description("Every step so far, oldest first: status and date, nothing else.")
    public List<@NonNull Step> steps;

    /** One step: which status, when. */
    @org.eclipse.microprofile.graphql.Name("OwnHardshipCaseStep")
    @Description("建档流程节点 (one step of the member's hardship file: the status reached and when)")
    public static class Step {
        @NonNull
        @Description("The status reached.")
        public HardshipEnums.Status status;

        @NonNull
        @Description("When.")
        public OffsetDateTime at;
    }

    /** Views of these files with their steps, in the given order; one statement for all the steps. */
    static List<OwnHardshipCase> page(List<HardshipFile> files) {
        Map<Long, List<Step>> steps = new HashMap<>();
        if (!files.isEmpty()) {
            for (HardshipStep s : HardshipStep.<HardshipStep>list("fileId in ?1 order by id", files.stream().map(f -> f.id).toList())) {
                Step step = new Step();
                step.status = s.toStatus;
                step.at = s.occurredAt;
                steps.computeIfAbsent(s.fileId, k -> new ArrayList<>()).add(step);
            }
        }
        return files.stream().map(f -> {
            OwnHardshipCase c = new OwnHardshipCase();
            c.id = f.id;
            c.status = f.status;
            c.appliedAt = f.createdAt;
            c.steps = steps.getOrDefault(f.id, List.of());
            return c;
        }).toList();
    }
}
