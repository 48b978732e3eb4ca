package org.gonghui.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.gonghui.rights.RightsCaseStatisticsService;
import org.gonghui.rights.RightsCaseStatisticsService.Headline;

/**
 * The rights-case headline counts of `statistics` (received, open, overdue), for the three batched
 * fields that show them: the first of them to run counts every figure asked for in one statement,
 * the others read what it counted (request scope), so a page of figures costs one statement more,
 * and none when no headline field is selected.
 */
@RequestScoped
public class RightsCaseHeadlines {

    private record Key(long unionId, LocalDate day, String from, String to) {
        static Key of(UnionStatistics s) {
            return new Key(s.unionId, s.asOf, s.periodFrom, s.periodTo);
        }
    }

    private final Map<Key, Headline> counted = new HashMap<>();

    @Inject
    RightsCaseStatisticsService figures;

    /** The headline counts of each figure set, in order (synchronized: the three fields' batches may run on different threads). */
    synchronized List<Headline> of(List<UnionStatistics> sources) {
        Map<Key, List<Long>> missing = new LinkedHashMap<>();
        for (UnionStatistics s : sources) {
            Key key = Key.of(s);
            if (!counted.containsKey(key)) {
                // figures of one request share their day and period, so this is normally one group
                missing.computeIfAbsent(new Key(0, key.day(), key.from(), key.to()), k -> new ArrayList<>()).add(key.unionId());
            }
        }
        missing.forEach((group, ids) -> {
            MonthRange range = new MonthRange(YearMonth.parse(group.from()), YearMonth.parse(group.to()));
            Map<Long, Headline> byUnion = figures.headlines(ids.stream().distinct().toList(), group.day(), range);
            for (long id : ids) {
                counted.put(new Key(id, group.day(), group.from(), group.to()), byUnion.getOrDefault(id, Headline.NONE));
            }
        });
        return sources.stream().map(s -> counted.get(Key.of(s))).toList();
    }
}
