package org.gonghui.workforce;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;

/** Members and registered workers of one key group in a union's area. */
@Description("重点群体入会率 (members of a key group in a union's subtree against the group's registered workers in its area)")
public class KeyGroupEnrolment {

    @NonNull
    @Description("The key group.")
    public KeyGroup keyGroup;

    @NonNull
    @Description("Members of the group in the union's subtree now.")
    public int members;

    @Description("Registered workers: the latest count recorded for the union's area; null when none was recorded.")
    public Integer registeredWorkers;

    @Description("The day of that count.")
    public LocalDate countedOn;

    @Description("Where that count comes from.")
    public String source;

    @Description("members / registeredWorkers (0 to 1, more when members outnumber the registered workers); null without a count or with a count of 0.")
    public Double enrolmentRate;
}
