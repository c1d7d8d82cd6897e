package org.duban.command.inspection;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.duban.api.department.DepartmentCode;
import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.PartyRoundStep;
import org.duban.api.inspection.RoundKind;
import org.duban.api.issue.AssignOwner;
import org.duban.api.issue.Category;
import org.duban.api.issue.IssueId;
import org.duban.api.issue.RaiseIssue;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Each finding raises its issue as the inspector who recorded it, linked to the round, and hands
 * it to the department the finding names; a finding handled twice raises and assigns nothing new.
 */
class InspectionRoundIssueRaiserTest {
    private static final String ROUND = "7d1c2c1e-0000-4000-8000-000000000001";
    private static final Instant RECORDED = Instant.parse("2026-03-12T02:00:00Z");
    private static final DepartmentCode PHARMACY = DepartmentCode.of("PHARMACY");
    private static final MetaData INSPECTOR = MetaData.from(Map.of("userId", "inspector", "role", "INSPECTOR",
            "correlationId", "c-1", "clientAddress", "10.0.0.7", "traceId", "not copied"));

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final FindingIssueRaiser raiser = new FindingIssueRaiser(gateway);

    @AfterEach
    void stop() {
        raiser.stop();
    }

    private static FindingRecorded finding(RoundKind kind, DepartmentCode department, PartyRoundStep step) {
        return new FindingRecorded(ROUND, "f-1", "药房夜间无人值守", "23:00 窗口无人", Category.MEDICAL_SERVICE, Severity.HIGH,
                department, step, kind, FindingRecorded.issueIdFor(ROUND, "f-1"));
    }

    private List<CommandMessage<?>> sent(int count) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ArgumentCaptor<CommandMessage<?>> captor = (ArgumentCaptor) ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, times(count)).sendAndWait(captor.capture(), anyLong(), any(TimeUnit.class));
        return captor.getAllValues();
    }

    @Test
    void a_finding_naming_a_department_raises_an_inspection_issue_and_assigns_it_as_the_inspector() {
        raiser.on(finding(RoundKind.UNANNOUNCED, PHARMACY, null), RECORDED, INSPECTOR);

        List<CommandMessage<?>> sent = sent(2);
        IssueId issue = FindingRecorded.issueIdFor(ROUND, "f-1");
        assertThat(sent.get(0).getPayload()).isEqualTo(new RaiseIssue(issue, "药房夜间无人值守", "23:00 窗口无人",
                Source.INSPECTION, Category.MEDICAL_SERVICE, Severity.HIGH, PHARMACY, null, null, RECORDED, ROUND));
        assertThat(sent.get(1).getPayload()).isEqualTo(new AssignOwner(issue, PHARMACY, null, "督查发现"));
        for (CommandMessage<?> command : sent) {
            assertThat(command.getMetaData()).containsEntry("userId", "inspector").containsEntry("role", "INSPECTOR")
                    .containsEntry("correlationId", "c-1").containsEntry("clientAddress", "10.0.0.7")
                    .doesNotContainKey("traceId");
        }
    }

    @Test
    void a_party_round_finding_raises_a_party_rounds_issue_and_without_a_department_assigns_nobody() {
        raiser.on(finding(RoundKind.PARTY_ROUNDS, null, PartyRoundStep.VISIT), RECORDED, INSPECTOR);

        RaiseIssue raise = (RaiseIssue) sent(1).getFirst().getPayload();
        assertThat(raise.source()).isEqualTo(Source.PARTY_ROUNDS);
        assertThat(raise.inspectionRoundId()).isEqualTo(ROUND);
        assertThat(raise.concernedDepartment()).isNull();
    }

    @Test
    void a_finding_whose_issue_was_raised_before_is_skipped_with_its_assignment() {
        when(gateway.sendAndWait(any(CommandMessage.class), anyLong(), any(TimeUnit.class)))
                .thenThrow(new AggregateStreamCreationException("already raised"));

        raiser.on(finding(RoundKind.PLANNED, PHARMACY, null), RECORDED, INSPECTOR);

        assertThat(sent(1).getFirst().getPayload()).isInstanceOf(RaiseIssue.class);
    }
}
