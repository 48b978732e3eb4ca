package org.gonghui.member;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Conditions on members; all given conditions must hold. */
@Input("MemberFilter")
@Description("会员查询条件 (conditions on members; every given condition must hold)")
public class MemberFilter {

    @Id
    @Description("Members of this union and, unless includeSubunions is false, of every union below it. Default: your union.")
    public Long unionId;

    @Description("With unionId: also the unions below it (default true).")
    public Boolean includeSubunions;

    @Description("Name starts with this text (姓名前缀, e.g. 王).")
    public String nameStartsWith;

    @Description("Name contains this text (any length, e.g. 伟 or 王伟).")
    public String nameContains;

    @Description("Exact mobile phone number (searched through its keyed hash, never stored in clear).")
    public String phone;

    @Description("Exact resident ID number (searched through its keyed hash).")
    public String idNumber;

    @Description("In at least one of these key groups.")
    public List<@NonNull KeyGroup> keyGroups;

    @Description("In one of these statuses (default: every status).")
    public List<@NonNull MemberStatus> statuses;

    @Description("新就业形态 flag equals this.")
    public Boolean newEmploymentForm;

    @Description("农民工 flag equals this.")
    public Boolean migrantWorker;

    @Description("Joined on or after this date.")
    public LocalDate joinedFrom;

    @Description("Joined on or before this date.")
    public LocalDate joinedTo;
}
