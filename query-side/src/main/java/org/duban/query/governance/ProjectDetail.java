package org.duban.query.governance;

import org.duban.api.governance.AwardLevel;
import org.duban.api.governance.ProjectStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One governance project with everything known about it: its expert reviews, the 立项 decision,
 * its stage reports with the issues they link, the 效果评价 and the 结题 award. {@code score} is
 * what the ranking orders by; {@code version} is the project's latest event sequence number.
 */
public record ProjectDetail(String id, String title, String department, String departmentName, String summary,
                     ProjectStatus status, Instant proposedAt, String proposedBy,
                     List<Review> reviews, BigDecimal reviewAverage, Decision decision,
                     List<Stage> stages, List<String> linkedIssueIds,
                     Evaluation evaluation, Conclusion conclusion, BigDecimal score, long version) {

    public record Review(String reviewer, int score, String comment, Instant reviewedAt, String recordedBy) {
    }

    public record Decision(boolean approved, String note, Instant decidedAt) {
    }

    public record Stage(String summary, List<String> linkedIssueIds, Instant reportedAt, String reportedBy) {
    }

    public record Evaluation(int problemPrecision, int measureSoundness, int effectEvidence, BigDecimal average,
                      String note, Instant evaluatedAt) {
    }

    public record Conclusion(AwardLevel award, String note, Instant concludedAt) {
    }
}
