package org.duban.command.inspection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.duban.api.Accepted;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.PlanRound;
import org.duban.api.inspection.RecordFinding;
import org.duban.api.issue.IssueId;
import org.duban.api.issue.Severity;
import org.duban.command.web.CommandSender;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Plans inspection rounds and records their findings. A round answers 201 {id: the round, version 0}.
 * A finding always creates something new, so it answers 201 too: {id: the id of the issue the
 * finding raises, version: the round's version after the finding}, with the issue as Location.
 * The issue itself is raised a moment later by {@link FindingIssueRaiser}: read it with
 * {@code GET /api/issues/{id}} once it exists; read the round with {@code minVersion=version}.
 */
@RestController
@RequestMapping("/api/inspection-rounds")
class InspectionRoundCommandController {
    private final CommandSender commands;
    private final DepartmentDirectory departments;

    InspectionRoundCommandController(CommandSender commands, DepartmentDirectory departments) {
        this.commands = commands;
        this.departments = departments;
    }

    @PostMapping
    ResponseEntity<Accepted> plan(@Valid @RequestBody RoundRequests.Plan body, HttpServletRequest request) {
        String id = UUID.randomUUID().toString();
        List<DepartmentCode> visited = body.departments() == null ? List.of()
                : body.departments().stream().map(code -> department("departments", code)).toList();
        commands.send(new PlanRound(id, body.title().strip(), body.kind(), body.plannedDate(), visited), request);
        return ResponseEntity.created(URI.create("/api/inspection-rounds/" + id)).body(new Accepted(id, 0));
    }

    @PostMapping("/{id}/findings")
    ResponseEntity<Accepted> recordFinding(@PathVariable String id, @Valid @RequestBody RoundRequests.Finding body,
                                           HttpServletRequest request) {
        String roundId = roundId(id);
        String findingId = UUID.randomUUID().toString();
        DepartmentCode department = body.department() == null || body.department().isBlank()
                ? null : department("department", body.department());
        RecordFinding command = new RecordFinding(roundId, findingId, body.title().strip(), body.description(),
                body.category(), body.severity() == null ? Severity.NORMAL : body.severity(), department, body.step());
        Long version = commands.send(command, request);
        IssueId issueId = FindingRecorded.issueIdFor(roundId, findingId);
        return ResponseEntity.created(URI.create("/api/issues/" + issueId))
                .body(new Accepted(issueId.value(), version == null ? 0 : version));
    }

    /** A path that names no well-formed round id names no round: 404, like any unknown round. */
    private static String roundId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new DomainRefusal(ErrorCode.NOT_FOUND, "No such inspection round: " + id + ".");
        }
    }

    private DepartmentCode department(String field, String code) {
        if (!departments.isKnown(code)) throw new InvalidInput(field, "no department has the code " + code + ".");
        return DepartmentCode.of(code);
    }
}
