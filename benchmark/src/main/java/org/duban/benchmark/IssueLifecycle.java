package org.duban.benchmark;

import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The events one issue goes through, following the aggregate's rules (raise → assign →
 * acknowledge → plan/progress → extension → submit → close → review/assess/feedback/回头看),
 * so a command sent to a generated issue later is judged against a valid history. Recent issues
 * stop part way, as open work does; about one in ten is escalated, hotline issues get return visits.
 */
final class IssueLifecycle {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] DEPARTMENTS = {"PHARMACY", "INPATIENT_SERVICE", "IT_CENTER", "OUTPATIENT",
            "MEDICAL_AFFAIRS", "NURSING", "LOGISTICS", "PATIENT_RELATIONS"};
    private static final String[] TITLES = {"门诊药房取药排队时间长", "住院床位统筹不及时", "候诊提醒短信未送达",
            "病区夜间噪音投诉", "检查预约等待过久", "医保结算窗口指引不清", "食堂饭菜质量投诉", "停车场指示不明"};

    private final SplittableRandom random;
    private final List<GeneratedEvent> out = new ArrayList<>();
    private String id;
    private long sequence;
    private Instant at;

    IssueLifecycle(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Appends the events of one issue raised at {@code raisedAt}; {@code maturity} in [0,1] says how far
     * along the loop it may have got by the end of the data set (1 = long ago, 0 = just raised).
     */
    List<GeneratedEvent> events(Instant raisedAt, double maturity) {
        out.clear();
        id = UUID.randomUUID().toString();
        sequence = 0;
        at = raisedAt;
        IssueId issue = new IssueId(id);
        Source source = random.nextDouble() < 0.4 ? Source.HOTLINE : Source.values()[random.nextInt(Source.values().length)];
        Category category = Category.values()[random.nextInt(Category.values().length)];
        DepartmentCode owner = new DepartmentCode(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        LocalDate raisedOn = LocalDate.ofInstant(raisedAt, ZONE);
        LocalDate due = raisedOn.plusDays(14);
        Instant occurredAt = raisedAt.minus(Duration.ofHours(random.nextInt(1, 72)));
        emit(new IssueRaised(issue, TITLES[random.nextInt(TITLES.length)] + " #" + id.substring(0, 8), "基准数据生成的督办事项",
                source, category, Severity.NORMAL, null, source == Source.HOTLINE ? "12345-" + id.substring(0, 8) : null,
                null, occurredAt, raisedOn.plusDays(5), due, "policy/0+calendar/0"), "inspector", "INSPECTOR", "DISCIPLINE");
        int steps = (int) Math.round(maturity * 12 + random.nextDouble() * 2);
        if (steps < 1) return out;
        later(2);
        emit(new OwnerAssigned(issue, owner, null, null, "按职责分派"), "inspector", "INSPECTOR", "DISCIPLINE");
        if (steps < 2) return out;
        later(20);
        emit(new IssueAcknowledged(issue, owner, "已签收"), owner.value(), "DEPARTMENT", owner.value());
        if (random.nextDouble() < 0.1) {
            later(8);
            emit(new IssueEscalated(issue, EscalationLevel.BLUE, EscalationLevel.NONE, "到期催办", true, due, 0, "policy/0+calendar/0"),
                    "system:deadlines", "SYSTEM", null);
        }
        if (steps < 4) return out;
        later(30);
        emit(new RectificationPlanFiled(issue, "流程设计不合理", "优化流程并培训", List.of()), owner.value(), "DEPARTMENT", owner.value());
        later(40);
        emit(new ProgressReported(issue, owner, 50, "整改过半", List.of()), owner.value(), "DEPARTMENT", owner.value());
        if (random.nextDouble() < 0.1) {
            later(10);
            emit(new ExtensionRequested(issue, due, due.plusDays(7), "需要采购设备"), owner.value(), "DEPARTMENT", owner.value());
            later(10);
            emit(new ExtensionApproved(issue, due, due.plusDays(7), "同意"), "inspector", "INSPECTOR", "DISCIPLINE");
        }
        if (steps < 6) return out;
        later(40);
        emit(new RectificationSubmitted(issue, owner, "整改完成", List.of("evidence/" + id)), owner.value(), "DEPARTMENT", owner.value());
        if (steps < 7) return out;
        later(20);
        emit(new IssueClosed(issue, "核查通过，销号"), "inspector2", "INSPECTOR", "DISCIPLINE");
        if (random.nextDouble() < 0.3) {
            later(30);
            emit(new IssueReviewed(issue, "整改及时，措施得当"), "committee", "COMMITTEE", "PARTY_OFFICE");
        }
        if (random.nextDouble() < 0.2) {
            later(30);
            emit(new IssueAssessed(issue, Map.of("时效", 80 + random.nextInt(20), "质量", 70 + random.nextInt(30)), null,
                    "score-weights/1"), "committee", "COMMITTEE", "PARTY_OFFICE");
        }
        if (source == Source.HOTLINE) {
            later(24);
            double s = random.nextDouble();
            emit(new FeedbackRecorded(issue, random.nextDouble() < 0.95, random.nextDouble() < 0.85,
                            s < 0.7 ? Satisfaction.SATISFIED : s < 0.9 ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.DISSATISFIED),
                    "inspector", "INSPECTOR", "DISCIPLINE");
        }
        if (steps < 10) return out;
        later(24 * 30);
        emit(new EffectivenessConfirmed(issue, "回头看：未再发生"), "inspector", "INSPECTOR", "DISCIPLINE");
        return out;
    }

    private void later(int meanHours) {
        at = at.plus(Duration.ofMinutes(1 + random.nextInt(meanHours * 120)));
    }

    private void emit(Object payload, String user, String role, String department) {
        out.add(new GeneratedEvent(id, sequence++, at, payload, user, role, department));
    }
}
