package org.duban.command.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.duban.api.department.DepartmentCode;
import org.duban.api.bulletin.AddBulletinEntry;
import org.duban.api.bulletin.DraftBulletin;
import org.duban.api.bulletin.PublishBulletin;
import org.duban.api.governance.AwardLevel;
import org.duban.api.governance.ConcludeProject;
import org.duban.api.governance.DecideProject;
import org.duban.api.governance.EvaluateProject;
import org.duban.api.governance.ProposeProject;
import org.duban.api.governance.ReportProjectStage;
import org.duban.api.governance.ReviewProject;
import org.duban.api.issue.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demo data drawn from the seed documents: a dozen issues at every stage of the loop, sent as
 * ordinary commands so they carry the same rules, events and audit metadata as real ones.
 * Loaded once: only into an event store that is still empty.
 */
@Component
@ConditionalOnProperty(name = "duban.demo.seed-data", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Clock clock;

    DemoDataSeeder(CommandGateway commands, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Through Axon's API, not SQL: under profile axonserver the events are in Axon Server.
        // Both stores answer a null head token exactly when they hold no event.
        if (eventStore.createHeadToken() != null) return;
        log.info("Empty event store: loading the demo issues");

        IssueId pharmacy = raise("优化门诊药房药品调配流程", "12345热线反映门诊药房取药等候时间长，调配流程环节多。",
                Source.HOTLINE, Category.MEDICAL_SERVICE, Severity.NORMAL, 12);
        assign(pharmacy, "PHARMACY", "药学部负责门诊药房调配流程");
        acknowledge(pharmacy, "PHARMACY");
        send(new FileRectificationPlan(pharmacy, "高峰时段调配窗口不足，核对环节重复",
                "增设高峰窗口；处方预调配；电子叫号", List.of(new Milestone("增设窗口", today().minusDays(5)))), dept("PHARMACY"));
        send(new ReportProgress(pharmacy, 60, "已增设两个高峰窗口", List.of("窗口照片.jpg")), dept("PHARMACY"));
        send(new SubmitRectification(pharmacy, "预调配上线，平均等候由25分钟降至9分钟", List.of("等候时长统计.xlsx")), dept("PHARMACY"));
        send(new VerifyRectification(pharmacy, true, "现场核实，等候时间明显缩短，同意销号"), DemoActors.INSPECTOR);

        IssueId beds = raise("建立住院服务中心统筹床位，优化住院流程", "住院床位分散管理，患者入院等待时间长。",
                Source.PROACTIVE_GOVERNANCE, Category.MEDICAL_RESOURCES, Severity.HIGH, 6);
        assign(beds, "INPATIENT_SERVICE", "住院服务中心统筹全院床位");
        acknowledge(beds, "INPATIENT_SERVICE");
        send(new FileRectificationPlan(beds, "床位按科室固定分配，忙闲不均", "全院床位统一调配；床旁入院",
                List.of(new Milestone("统筹床位上线", today().plusDays(10)))), dept("INPATIENT_SERVICE"));
        send(new ReportProgress(beds, 60, "已完成内科系统床位统筹", List.of()), dept("INPATIENT_SERVICE"));

        IssueId app = raise("患者移动端推送候诊提醒及查询功能", "患者不清楚候诊进度，反复到分诊台询问。",
                Source.PROACTIVE_GOVERNANCE, Category.MEDICAL_SERVICE, Severity.NORMAL, 30);
        assign(app, "IT_CENTER", "信息网络管理中心开发移动端功能");
        acknowledge(app, "IT_CENTER");
        send(new SubmitRectification(app, "移动端候诊提醒上线", List.of("上线通知.pdf")), dept("IT_CENTER"));
        send(new VerifyRectification(app, true, "功能可用，同意销号"), DemoActors.INSPECTOR2);
        send(new CheckEffectiveness(app, false, "回头看：询问量下降，未复发"), DemoActors.INSPECTOR);

        IssueId booking = raise("门诊检查自助预约等候时间过长", "12345热线：检查预约需排队两次。",
                Source.HOTLINE, Category.MEDICAL_SERVICE, Severity.NORMAL, 20);
        assign(booking, "OUTPATIENT", "门诊部负责预约流程");

        raise("夜间急诊收费窗口排队", "12345热线：夜间急诊仅一个收费窗口。",
                Source.HOTLINE, Category.FACILITIES_LOGISTICS, Severity.NORMAL, 1);

        IssueId attitude = raise("四不两直暗访：病区医护人员服务态度生硬", "暗访发现护士站答复患者询问不耐心。",
                Source.INSPECTION, Category.MEDICAL_STAFF, Severity.HIGH, 9);
        assign(attitude, "NURSING", "护理部负责");
        acknowledge(attitude, "NURSING");
        send(new SubmitRectification(attitude, "开展服务礼仪培训并纳入绩效", List.of("培训签到表.pdf")), dept("NURSING"));

        IssueId prescriptions = raise("党建查房：处方医嘱点评发现大处方问题", "看、听、访、评、改、督：部分科室处方金额偏高。",
                Source.PARTY_ROUNDS, Category.QUALITY_AND_DISPUTES, Severity.NORMAL, 3);
        assign(prescriptions, "MEDICAL_AFFAIRS", "医务处牵头");
        acknowledge(prescriptions, "MEDICAL_AFFAIRS");
        send(new RequestExtension(prescriptions, today().plusDays(40), "需完成全院处方专项点评"), dept("MEDICAL_AFFAIRS"));

        IssueId costs = raise("高额病例费用核查：不合理检查", "高额病例中发现重复检查。",
                Source.CASE_AUDIT, Category.MEDICAL_POLICY, Severity.NORMAL, 4);
        assign(costs, "MEDICAL_AFFAIRS", "医务处核查");
        acknowledge(costs, "MEDICAL_AFFAIRS");
        send(new HoldIssue(costs, "等待医保部门复核意见"), DemoActors.INSPECTOR);

        IssueId communication = raise("投诉MDT月度复盘：医患沟通不到位", "月度投诉复盘发现术前告知不充分。",
                Source.COMPLAINT_REVIEW, Category.QUALITY_AND_DISPUTES, Severity.NORMAL, 40);
        assign(communication, "PATIENT_RELATIONS", "医患关系协调办公室负责");
        acknowledge(communication, "PATIENT_RELATIONS");
        send(new SubmitRectification(communication, "修订术前告知模板", List.of()), dept("PATIENT_RELATIONS"));
        send(new VerifyRectification(communication, true, "同意销号"), DemoActors.INSPECTOR);
        send(new CheckEffectiveness(communication, true, "回头看：同类投诉再次出现"), DemoActors.INSPECTOR2);

        IssueId selfCheck = raise("自查自纠：住院次均费用超合理区间", "自查发现个别科室次均费用偏高。",
                Source.SELF_INSPECTION, Category.MEDICAL_POLICY, Severity.LOW, 15);
        send(new WithdrawIssue(selfCheck, "经核实为统计口径错误"), DemoActors.INSPECTOR);

        IssueId parking = raise("痛点邮箱：门诊停车难", "患者来信反映门诊停车排队时间长。",
                Source.MAILBOX, Category.FACILITIES_LOGISTICS, Severity.NORMAL, 5);
        assign(parking, "LOGISTICS", "后勤保障处负责");
        send(new AddCoDepartment(parking, DepartmentCode.of("OUTPATIENT")), DemoActors.INSPECTOR);
        acknowledge(parking, "LOGISTICS");
        send(new ReportProgress(parking, 30, "协调周边临时停车场", List.of()), dept("LOGISTICS"));

        IssueId mutualRecognition = raise("党委决策落实督查：检查结果互认制度落实", "二级以上医疗机构检查结果互认落实情况督查。",
                Source.DECISION_FOLLOW_UP, Category.MEDICAL_POLICY, Severity.HIGH, 2);
        assign(mutualRecognition, "MEDICAL_AFFAIRS", "医务处落实");

        closeTheLoop(pharmacy, booking);
        governanceProjects(pharmacy);
        log.info("Demo issues, bulletin and governance projects loaded");
    }

    /** 点评·考核·通报 on the closed pharmacy issue, and a bulletin that also criticises an overdue one. */
    private void closeTheLoop(IssueId pharmacy, IssueId overdue) {
        send(new ReviewIssue(pharmacy, "抓住调配环节的堵点，整改措施针对性强"), DemoActors.COMMITTEE);
        send(new AssessIssue(pharmacy, Map.of("问题精准", 92, "措施合理", 91, "效果明显", 90), "优秀"), DemoActors.COMMITTEE);
        send(new RecordFeedback(pharmacy, true, true, Satisfaction.SATISFIED), DemoActors.INSPECTOR);
        String bulletin = UUID.randomUUID().toString();
        YearMonth period = YearMonth.now(clock).minusMonths(1);
        send(new DraftBulletin(bulletin, period.getYear() + "年" + period.getMonthValue() + "月督办工作通报", period.toString()),
                DemoActors.COMMITTEE);
        send(new AddBulletinEntry(bulletin, UUID.randomUUID().toString(), pharmacy, BulletinEntryKind.COMMENDATION,
                DepartmentCode.of("PHARMACY"), "药学部优化门诊药房调配流程，患者平均等候时间由25分钟降至9分钟，予以通报表扬。"),
                DemoActors.COMMITTEE);
        send(new AddBulletinEntry(bulletin, UUID.randomUUID().toString(), overdue, BulletinEntryKind.CRITICISM,
                DepartmentCode.of("OUTPATIENT"), "门诊部对检查预约排队问题签收迟缓、逾期未办，予以通报批评，限期整改。"),
                DemoActors.COMMITTEE);
        send(new PublishBulletin(bulletin), DemoActors.COMMITTEE);
    }

    /**
     * The three governance projects of the seed article, reviewed by experts so that their average
     * is the article's 90.19; the pharmacy project is carried through to 结题 with a first prize.
     */
    private void governanceProjects(IssueId pharmacyIssue) {
        String pharmacy = project("优化门诊药房药品调配流程", "PHARMACY", 92, 91, 90, 92, 91);
        send(new ReportProjectStage(pharmacy, "预调配与电子叫号上线，高峰等候时间下降六成", List.of(pharmacyIssue.value())),
                DemoActors.department("PHARMACY"));
        send(new EvaluateProject(pharmacy, 92, 91, 91, "问题精准、措施合理、效果明显"), DemoActors.COMMITTEE);
        send(new ConcludeProject(pharmacy, AwardLevel.FIRST, "结题考核：一等奖"), DemoActors.COMMITTEE);
        project("建立住院服务中心统筹床位，优化住院流程", "INPATIENT_SERVICE", 91, 90, 91, 90);
        project("患者移动端推送候诊提醒及查询功能", "IT_CENTER", 89, 89, 89, 89, 89, 89, 89, 88);
    }

    private String project(String title, String department, int... expertScores) {
        String id = UUID.randomUUID().toString();
        send(new ProposeProject(id, title, DepartmentCode.of(department), "主动治理课题（2023年市属医院集中评审）"), DemoActors.COMMITTEE);
        for (int i = 0; i < expertScores.length; i++) {
            send(new ReviewProject(id, "评审专家" + (i + 1), expertScores[i], null), DemoActors.COMMITTEE);
        }
        send(new DecideProject(id, true, "同意立项"), DemoActors.COMMITTEE);
        return id;
    }

    private IssueId raise(String title, String description, Source source, Category category, Severity severity, int daysAgo) {
        IssueId id = IssueId.random();
        send(new RaiseIssue(id, title, description, source, category, severity, null, null, null,
                clock.instant().minus(Duration.ofDays(daysAgo))), DemoActors.INSPECTOR);
        return id;
    }

    private void assign(IssueId id, String department, String reason) {
        send(new AssignOwner(id, DepartmentCode.of(department), null, reason), DemoActors.INSPECTOR);
    }

    private void acknowledge(IssueId id, String department) {
        send(new AcknowledgeIssue(id, "已签收"), dept(department));
    }

    private static MetaData dept(String department) {
        return DemoActors.department(department);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void send(Object command, MetaData actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }
}
