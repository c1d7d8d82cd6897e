package org.duban.command.issue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.duban.api.Accepted;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.issue.*;
import org.duban.command.web.CommandSender;
import org.duban.platform.department.DepartmentDirectory;
import org.duban.platform.personaldata.PersonalData;
import org.duban.platform.personaldata.PersonalDataVault;
import org.duban.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/** The issue commands of API.md: map the body to a command, send it with the actor's metadata, answer {id, version}. */
@RestController
@RequestMapping("/api/issues")
class IssueCommandController {
    private final CommandSender commands;
    private final PersonalDataVault vault;
    private final DepartmentDirectory departments;

    IssueCommandController(CommandSender commands, PersonalDataVault vault, DepartmentDirectory departments) {
        this.commands = commands;
        this.vault = vault;
        this.departments = departments;
    }

    @PostMapping
    ResponseEntity<Accepted> raise(@Valid @RequestBody IssueRequests.Raise body,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                   HttpServletRequest request) {
        IssueId id = idempotencyKey == null || idempotencyKey.isBlank()
                ? IssueId.random()
                : IssueId.forIdempotencyKey(CurrentActor.require().userId(), idempotencyKey);
        var complainant = body.complainant() == null ? null : vault.seal(new PersonalData(
                body.complainant().name(), body.complainant().phone(), body.complainant().idNumber()));
        RaiseIssue command = new RaiseIssue(id, body.title().strip(), body.description(), body.source(), body.category(),
                body.severity() == null ? Severity.NORMAL : body.severity(), optionalDepartment("concernedDepartment", body.concernedDepartment()),
                body.externalRef(), complainant, body.occurredAt());
        URI location = URI.create("/api/issues/" + id);
        try {
            commands.send(command, request);
        } catch (AggregateStreamCreationException alreadyRaised) {
            if (idempotencyKey == null) throw alreadyRaised;
            // The same user sent the same key before: that issue stands, nothing new is appended.
            return ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(new Accepted(id.value(), 0));
        }
        return ResponseEntity.created(location).body(new Accepted(id.value(), 0));
    }

    @PostMapping("/{id}/assignment")
    Accepted assign(@PathVariable String id, @Valid @RequestBody IssueRequests.Assignment body, HttpServletRequest request) {
        return send(id, new AssignOwner(issueId(id), department("department", body.department()), body.assignee(), body.reason()), request);
    }

    @PostMapping("/{id}/return")
    Accepted returnIssue(@PathVariable String id, @Valid @RequestBody IssueRequests.Reason body, HttpServletRequest request) {
        return send(id, new ReturnIssue(issueId(id), body.reason()), request);
    }

    @PostMapping("/{id}/co-departments")
    Accepted addCoDepartment(@PathVariable String id, @Valid @RequestBody IssueRequests.CoDepartment body, HttpServletRequest request) {
        return send(id, new AddCoDepartment(issueId(id), department("department", body.department())), request);
    }

    @PostMapping("/{id}/acknowledgement")
    Accepted acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) IssueRequests.Note body, HttpServletRequest request) {
        return send(id, new AcknowledgeIssue(issueId(id), body == null ? null : body.note()), request);
    }

    @PostMapping("/{id}/plan")
    Accepted plan(@PathVariable String id, @Valid @RequestBody IssueRequests.Plan body, HttpServletRequest request) {
        List<Milestone> milestones = body.milestones() == null ? List.of()
                : body.milestones().stream().map(m -> new Milestone(m.title(), m.dueDate())).toList();
        return send(id, new FileRectificationPlan(issueId(id), body.rootCause(), body.measures(), milestones), request);
    }

    @PostMapping("/{id}/progress-reports")
    Accepted reportProgress(@PathVariable String id, @Valid @RequestBody IssueRequests.Progress body, HttpServletRequest request) {
        return send(id, new ReportProgress(issueId(id), body.percent(), body.summary(), evidence(body.evidence())), request);
    }

    @PostMapping("/{id}/extension-requests")
    Accepted requestExtension(@PathVariable String id, @Valid @RequestBody IssueRequests.ExtensionRequest body, HttpServletRequest request) {
        return send(id, new RequestExtension(issueId(id), body.requestedDueDate(), body.reason()), request);
    }

    @PostMapping("/{id}/extension-decisions")
    Accepted decideExtension(@PathVariable String id, @Valid @RequestBody IssueRequests.ExtensionDecision body, HttpServletRequest request) {
        return send(id, new DecideExtension(issueId(id), body.approved(), body.note()), request);
    }

    @PostMapping("/{id}/hold")
    Accepted hold(@PathVariable String id, @Valid @RequestBody IssueRequests.Reason body, HttpServletRequest request) {
        return send(id, new HoldIssue(issueId(id), body.reason()), request);
    }

    @PostMapping("/{id}/resume")
    Accepted resume(@PathVariable String id, @Valid @RequestBody IssueRequests.Reason body, HttpServletRequest request) {
        return send(id, new ResumeIssue(issueId(id), body.reason()), request);
    }

    @PostMapping("/{id}/rectification")
    Accepted submitRectification(@PathVariable String id, @Valid @RequestBody IssueRequests.Rectification body, HttpServletRequest request) {
        return send(id, new SubmitRectification(issueId(id), body.summary(), evidence(body.evidence())), request);
    }

    @PostMapping("/{id}/verification")
    Accepted verify(@PathVariable String id, @Valid @RequestBody IssueRequests.Verification body, HttpServletRequest request) {
        return send(id, new VerifyRectification(issueId(id), body.passed(), body.note()), request);
    }

    @PostMapping("/{id}/withdrawal")
    Accepted withdraw(@PathVariable String id, @Valid @RequestBody IssueRequests.Reason body, HttpServletRequest request) {
        return send(id, new WithdrawIssue(issueId(id), body.reason()), request);
    }

    @PostMapping("/{id}/merge")
    Accepted merge(@PathVariable String id, @Valid @RequestBody IssueRequests.Merge body, HttpServletRequest request) {
        IssueId into;
        try {
            into = IssueId.of(body.intoIssueId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("intoIssueId", "is not an issue id.");
        }
        return send(id, new MergeIssue(issueId(id), into, body.reason()), request);
    }

    @PostMapping("/{id}/escalations")
    Accepted escalate(@PathVariable String id, @Valid @RequestBody IssueRequests.Escalation body, HttpServletRequest request) {
        if (body.level() == EscalationLevel.NONE) throw new InvalidInput("level", "must be BLUE, YELLOW or RED.");
        return send(id, new EscalateIssue(issueId(id), body.level(), body.reason()), request);
    }

    @PostMapping("/{id}/reviews")
    Accepted review(@PathVariable String id, @Valid @RequestBody IssueRequests.Review body, HttpServletRequest request) {
        return send(id, new ReviewIssue(issueId(id), body.comment()), request);
    }

    @PostMapping("/{id}/assessments")
    Accepted assess(@PathVariable String id, @Valid @RequestBody IssueRequests.Assessment body, HttpServletRequest request) {
        return send(id, new AssessIssue(issueId(id), body.scores(), body.note()), request);
    }

    @PostMapping("/{id}/feedback")
    Accepted feedback(@PathVariable String id, @Valid @RequestBody IssueRequests.Feedback body, HttpServletRequest request) {
        return send(id, new RecordFeedback(issueId(id), body.contacted(), body.resolved(), body.satisfaction()), request);
    }

    @PostMapping("/{id}/effectiveness-checks")
    Accepted checkEffectiveness(@PathVariable String id, @Valid @RequestBody IssueRequests.EffectivenessCheck body, HttpServletRequest request) {
        return send(id, new CheckEffectiveness(issueId(id), body.recurred(), body.note()), request);
    }

    private Accepted send(String id, Object command, HttpServletRequest request) {
        Long version = commands.send(command, request);
        return new Accepted(id, version == null ? 0 : version);
    }

    /** A path that names no well-formed issue id names no issue: 404, like any unknown issue. */
    private static IssueId issueId(String id) {
        try {
            return IssueId.of(id);
        } catch (IllegalArgumentException e) {
            throw new DomainRefusal(ErrorCode.ISSUE_NOT_FOUND, "No such issue: " + id + ".");
        }
    }

    private DepartmentCode optionalDepartment(String field, String code) {
        return code == null || code.isBlank() ? null : department(field, code);
    }

    private DepartmentCode department(String field, String code) {
        if (!departments.isKnown(code)) throw new InvalidInput(field, "no department has the code " + code + ".");
        return DepartmentCode.of(code);
    }

    private static List<String> evidence(List<String> evidence) {
        return evidence == null ? List.of() : List.copyOf(evidence);
    }
}
