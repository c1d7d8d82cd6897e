package org.duban.command.bulletin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.duban.api.Accepted;
import org.duban.api.bulletin.AddBulletinEntry;
import org.duban.api.bulletin.DraftBulletin;
import org.duban.api.bulletin.PublishBulletin;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.issue.BulletinEntryKind;
import org.duban.api.issue.IssueId;
import org.duban.command.web.CommandSender;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * COMMITTEE drafts, fills and publishes bulletins (API.md). Answers {id: the bulletin, version},
 * the number GET /api/bulletins/{id} accepts as {@code minVersion}. An entry must name an issue
 * the event store knows (404 ISSUE_NOT_FOUND) and, if any, a known department.
 */
@RestController
@RequestMapping("/api/bulletins")
class BulletinCommandController {
    private static final String DEPARTMENT = "[A-Z][A-Z0-9_]{0,63}";

    private final CommandSender commands;
    private final DepartmentDirectory departments;
    private final EventStore eventStore;

    BulletinCommandController(CommandSender commands, DepartmentDirectory departments, EventStore eventStore) {
        this.commands = commands;
        this.departments = departments;
        this.eventStore = eventStore;
    }

    record Draft(@NotBlank @Size(max = 200) String title,
                 @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month like 2026-10") String period) {
    }

    record Entry(@NotBlank @Size(max = 64) String issueId,
                 @NotNull BulletinEntryKind kind,
                 @NotBlank @Size(max = 2_000) String text,
                 @Pattern(regexp = DEPARTMENT, message = "must be a department code like PHARMACY") String department) {
    }

    @PostMapping
    ResponseEntity<Accepted> draft(@Valid @RequestBody Draft body, HttpServletRequest request) {
        String id = UUID.randomUUID().toString();
        commands.send(new DraftBulletin(id, body.title().strip(), body.period()), request);
        return ResponseEntity.created(URI.create("/api/bulletins/" + id)).body(new Accepted(id, 0));
    }

    @PostMapping("/{id}/entries")
    Accepted addEntry(@PathVariable String id, @Valid @RequestBody Entry body, HttpServletRequest request) {
        String bulletinId = bulletinId(id);
        IssueId issueId = existingIssue(body.issueId());
        DepartmentCode department = body.department() == null || body.department().isBlank() ? null : department(body.department());
        return send(bulletinId, new AddBulletinEntry(bulletinId, UUID.randomUUID().toString(), issueId, body.kind(),
                department, body.text().strip()), request);
    }

    @PostMapping("/{id}/publication")
    Accepted publish(@PathVariable String id, HttpServletRequest request) {
        String bulletinId = bulletinId(id);
        return send(bulletinId, new PublishBulletin(bulletinId), request);
    }

    private Accepted send(String id, Object command, HttpServletRequest request) {
        Long version = commands.send(command, request);
        return new Accepted(id, version == null ? 0 : version);
    }

    /** Bulletin ids are UUIDs: a path that names none names no bulletin. */
    private static String bulletinId(String id) {
        try {
            return UUID.fromString(id).toString().equals(id) ? id : notFound(id);
        } catch (IllegalArgumentException e) {
            return notFound(id);
        }
    }

    private static String notFound(String id) {
        throw new DomainRefusal(ErrorCode.NOT_FOUND, "No such bulletin: " + id + ".");
    }

    private IssueId existingIssue(String id) {
        IssueId issueId;
        try {
            issueId = IssueId.of(id);
        } catch (IllegalArgumentException e) {
            throw new DomainRefusal(ErrorCode.ISSUE_NOT_FOUND, "No such issue: " + id + ".");
        }
        if (eventStore.lastSequenceNumberFor(issueId.value()).isEmpty()) {
            throw new DomainRefusal(ErrorCode.ISSUE_NOT_FOUND, "No such issue: " + id + ".");
        }
        return issueId;
    }

    private DepartmentCode department(String code) {
        if (!departments.isKnown(code)) throw new InvalidInput("department", "no department has the code " + code + ".");
        return DepartmentCode.of(code);
    }
}
