package org.duban.query.governance;

import org.duban.api.governance.AwardLevel;
import org.duban.api.governance.ProjectStatus;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every governance project, best first: by its score, which is the 效果评价 average once evaluated
 * and the average of the expert review scores before; projects not yet scored come last, unranked.
 * Equal scores share a rank (1, 2, 2, 4).
 */
public record ProjectRanking(List<Entry> projects) {

    public record Entry(Integer rank, String id, String title, String department, String departmentName,
                 ProjectStatus status, AwardLevel award, BigDecimal score, BigDecimal reviewAverage,
                 int reviewCount, BigDecimal evaluationAverage, long version) {
    }
}
