package org.duban.query.ranking;

import org.duban.api.ranking.RankedDepartment;
import org.duban.api.ranking.Ranking;
import org.duban.api.ranking.RankingFlag;
import org.duban.query.export.TableExport;
import org.duban.query.export.TableExport.Column;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static org.duban.query.export.TableExport.Type.NUMBER;
import static org.duban.query.export.TableExport.Type.PERCENT;
import static org.duban.query.export.TableExport.Type.TEXT;

/** The columns of the ranking export (月排名 / 年评比), with the weights the composite used. */
final class RankingTable {

    private RankingTable() {
    }

    static TableExport<RankedDepartment> of(Ranking ranking, ZoneId zone) {
        String composite = "综合得分(" + ranking.weights().label() + ")";
        return new TableExport<>("排名 " + ranking.period(), List.of(
                new Column<>("名次", NUMBER, RankedDepartment::rank),
                new Column<>("部门", TEXT, 20, RankedDepartment::name),
                new Column<>("部门代码", TEXT, RankedDepartment::department),
                new Column<>("回访数", NUMBER, RankedDepartment::records),
                new Column<>("已联系", NUMBER, RankedDepartment::contacted),
                new Column<>("已解决", NUMBER, RankedDepartment::resolved),
                new Column<>("满意", NUMBER, RankedDepartment::satisfied),
                new Column<>("基本满意", NUMBER, RankedDepartment::basicallySatisfied),
                new Column<>("响应率", PERCENT, RankedDepartment::response),
                new Column<>("解决率", PERCENT, RankedDepartment::resolution),
                new Column<>("满意率", PERCENT, RankedDepartment::satisfaction),
                new Column<>(composite, NUMBER, RankedDepartment::composite),
                new Column<>("标记", TEXT, 20, d -> flags(d.flags()))), zone);
    }

    private static String flags(List<RankingFlag> flags) {
        return flags.stream().map(f -> switch (f) {
            case BOTTOM_5_PERCENT -> "末位(谈话提醒)";
            case TWICE_BOTTOM -> "连续末位(组织跟进)";
        }).collect(Collectors.joining("、"));
    }
}
