package org.gonghui.rights;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Rights-case figures of a union's whole subtree, with their breakdowns by category and by channel. */
@Description("维权统计 (rights-case figures of a union's whole subtree, the union itself included). A case counts under the union that "
        + "received it (the one it was first submitted to or recorded by), wherever it was referred later, so no case counts twice. "
        + "Counts are exact: they equal a recount of the cases at the moment of the request. Rates and means are computed when asked "
        + "(null when their denominator is 0), never stored. Periods are calendar months in Asia/Shanghai.")
public class RightsCaseStatistics extends RightsCaseStatisticsFigures {

    @Id
    @NonNull
    @Description("The union whose subtree is counted.")
    public Long unionId;

    @NonNull
    @Description("Today (Asia/Shanghai): the day `openNow` and `overdueNow` are counted on.")
    public LocalDate countedOn;

    @NonNull
    @Description("First month (YYYY-MM) of the period.")
    public String periodFrom;

    @NonNull
    @Description("Last month (YYYY-MM) of the period.")
    public String periodTo;

    @NonNull
    @Description("The same figures per category, every category in the order of the enum (zeros included).")
    public List<@NonNull ByCategory> byCategory;

    @NonNull
    @Description("The same figures per channel, every channel in the order of the enum (zeros included).")
    public List<@NonNull ByChannel> byChannel;

    /** The figures of the cases of one category. */
    @Name("RightsCaseCategoryFigures")
    @Description("维权统计: 按类别 (the rights-case figures of one category).")
    public static class ByCategory extends RightsCaseStatisticsFigures {
        @NonNull
        @Description("Category.")
        public RightsCaseCategory category;
    }

    /** The figures of the cases of one channel. */
    @Name("RightsCaseChannelFigures")
    @Description("维权统计: 按渠道 (the rights-case figures of one channel).")
    public static class ByChannel extends RightsCaseStatisticsFigures {
        @NonNull
        @Description("Channel.")
        public RightsCaseChannel channel;
    }
}
