package org.duban.command.governance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.duban.api.Accepted;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.governance.*;
import org.duban.command.web.CommandSender;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The governance project commands of API.md: map the body to a command, send it with the actor's metadata, answer {id, version}. */
@RestController
@RequestMapping("/api/governance-projects")
class GovernanceProjectCommandController {
    private final CommandSender commands;
    private final DepartmentDirectory departments;

    GovernanceProjectCommandController(CommandSender commands, DepartmentDirectory departments) {
        this.commands = commands;
        this.departments = departments;
    }

    @PostMapping
    ResponseEntity<Accepted> propose(@Valid @RequestBody ProjectRequests.Proposal body, HttpServletRequest request) {
        if (!departments.isKnown(body.department())) {
            throw new InvalidInput("department", "no department has the code " + body.department() + ".");
        }
        String id = UUID.randomUUID().toString();
        commands.send(new ProposeProject(id, body.title().strip(), DepartmentCode.of(body.department()), body.summary()), request);
        return ResponseEntity.created(URI.create("/api/governance-projects/" + id)).body(new Accepted(id, 0));
    }

    @PostMapping("/{id}/reviews")
    Accepted review(@PathVariable String id, @Valid @RequestBody ProjectRequests.Review body, HttpServletRequest request) {
        return send(id, new ReviewProject(projectId(id), body.reviewer().strip(), body.score(), body.comment()), request);
    }

    @PostMapping("/{id}/approval")
    Accepted decide(@PathVariable String id, @Valid @RequestBody ProjectRequests.Approval body, HttpServletRequest request) {
        return send(id, new DecideProject(projectId(id), body.approved(), body.note()), request);
    }

    @PostMapping("/{id}/stage-reports")
    Accepted reportStage(@PathVariable String id, @Valid @RequestBody ProjectRequests.StageReport body, HttpServletRequest request) {
        List<String> issues = body.linkedIssueIds() == null ? List.of() : List.copyOf(body.linkedIssueIds());
        return send(id, new ReportProjectStage(projectId(id), body.summary(), issues), request);
    }

    @PostMapping("/{id}/evaluation")
    Accepted evaluate(@PathVariable String id, @Valid @RequestBody ProjectRequests.Evaluation body, HttpServletRequest request) {
        return send(id, new EvaluateProject(projectId(id), body.problemPrecision(), body.measureSoundness(),
                body.effectEvidence(), body.note()), request);
    }

    @PostMapping("/{id}/conclusion")
    Accepted conclude(@PathVariable String id, @Valid @RequestBody ProjectRequests.Conclusion body, HttpServletRequest request) {
        return send(id, new ConcludeProject(projectId(id), body.award(), body.note()), request);
    }

    private Accepted send(String id, Object command, HttpServletRequest request) {
        Long version;
        try {
            version = commands.send(command, request);
        } catch (IncompatibleAggregateException otherKind) {
            // The id is another aggregate's (an issue's, say): its events do not make a project.
            throw notFound(id);
        }
        return new Accepted(id, version == null ? 0 : version);
    }

    /** Project ids are UUIDs; a path that is not one names no project: 404, like any unknown project. */
    private static String projectId(String id) {
        try {
            if (id.length() == 36) return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            // falls through to not found
        }
        throw notFound(id);
    }

    private static DomainRefusal notFound(String id) {
        return new DomainRefusal(ErrorCode.NOT_FOUND, "No such governance project: " + id + ".");
    }
}
