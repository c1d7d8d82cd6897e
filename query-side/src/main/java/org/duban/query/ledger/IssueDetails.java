package org.duban.query.ledger;

import org.duban.api.issue.LoopStage;
import org.duban.api.issueview.IssueDetail;
import org.duban.api.issueview.IssueDetail.ComplainantView;
import org.duban.api.personaldata.SealedPersonalData;
import org.duban.platform.personaldata.PersonalData;
import org.duban.platform.personaldata.PersonalDataVault;
import org.duban.query.issuestate.IssueState;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a folded issue into the answer of {@code GET /api/issues/{id}}, opening or masking personal data. */
@Component
class IssueDetails {
    private final PersonalDataVault vault;

    IssueDetails(PersonalDataVault vault) {
        this.vault = vault;
    }

    /**
     * @param mayReadPersonalData the complainant in plain text, else masked
     * @param mayKnowSubject      the complainant's subject id (what an erasure names)
     */
    IssueDetail of(IssueState s, boolean mayReadPersonalData, boolean mayKnowSubject, Instant now, ZoneId zone, Instant asOf) {
        Map<LoopStage, Boolean> stages = new EnumMap<>(LoopStage.class);
        for (LoopStage stage : LoopStage.values()) stages.put(stage, s.completedLoopStages.contains(stage));
        return new IssueDetail(s.id, s.title, s.description, s.status, s.source, s.category, s.severity,
                s.concernedDepartment, s.externalRef, complainant(s.complainant, mayReadPersonalData, mayKnowSubject),
                s.ownerDepartment, s.assignee, List.copyOf(s.coDepartments), List.copyOf(s.ownerHistory),
                new IssueDetail.Deadlines(s.acknowledgeDueDate, s.dueDate, s.dueAt, s.policyVersion, s.acknowledgedAt),
                s.isOverdueAt(now, zone), s.onHold, s.daysOnHold, s.escalation, List.copyOf(s.extensions),
                List.copyOf(s.progress), s.plan, s.rectification, stages, List.copyOf(s.feedback), List.copyOf(s.recurrenceOf),
                s.effectivenessCheckDueDate, s.withdrawalReason, s.mergedInto,
                s.raisedAt, s.occurredAt, s.closedAt, s.version, asOf);
    }

    /** Erased (the read model dropped the ciphertexts, or the key is gone) looks the same to every role, as of any time. */
    private ComplainantView complainant(SealedPersonalData sealed, boolean open, boolean mayKnowSubject) {
        if (sealed == null) return null;
        String subject = mayKnowSubject ? sealed.subjectId() : null;
        if (PersonalDataVault.isShredded(sealed)) return ComplainantView.erasedFor(subject);
        Optional<PersonalData> data = vault.open(sealed);
        if (data.isEmpty()) return ComplainantView.erasedFor(subject);
        PersonalData p = data.get();
        return open ? new ComplainantView(subject, p.name(), p.phone(), p.idNumber(), false)
                : new ComplainantView(subject, Masking.name(p.name()), Masking.keepEnds(p.phone(), 3, 4),
                Masking.keepEnds(p.idNumber(), 4, 4), false);
    }
}
