package org.duban.query.replay;

import org.duban.api.actor.Role;
import org.duban.platform.axonserver.ReadsEventTable;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.duban.api.projection.ProjectionStatus;
import org.duban.api.projection.ProjectionsOverview;
import org.duban.api.projection.ReplayProgress;
import org.duban.api.projection.SegmentPosition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Projection administration for ADMIN (role checked in QueryApiSecurity): where each processor
 * is, and replays. The POST is served by the query side like the notification admin POSTs:
 * it changes only read models, never domain state.
 */
@ReadsEventTable(roles = Role.ADMIN)
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {
    private final ProjectionReplayer replayer;
    private final ReplayableProjections registry;
    private final ProcessorTokens tokens;
    private final ReplayRuns runs;
    private final Configuration axon;

    ProjectionAdminController(ProjectionReplayer replayer, ReplayableProjections registry, ProcessorTokens tokens,
                              ReplayRuns runs, Configuration axon) {
        this.replayer = replayer;
        this.registry = registry;
        this.tokens = tokens;
        this.runs = runs;
        this.axon = axon;
    }

    @GetMapping
    ProjectionsOverview overview() {
        long head = replayer.head();
        Map<String, List<SegmentPosition>> segments = tokens.all();
        Map<String, EventProcessor> local = axon.eventProcessingConfiguration().eventProcessors();
        Map<String, ReplayProgress> replays = runs.all();
        TreeSet<String> names = new TreeSet<>(segments.keySet());
        names.addAll(local.keySet());
        registry.all().forEach(p -> names.add(p.group()));
        List<ProjectionStatus> projections = new ArrayList<>();
        for (String name : names) {
            List<SegmentPosition> rows = segments.getOrDefault(name, List.of());
            Long position = rows.isEmpty() || rows.stream().anyMatch(r -> r.position() == null) ? null
                    : rows.stream().mapToLong(SegmentPosition::position).min().orElseThrow();
            EventProcessor processor = local.get(name);
            var replayable = registry.find(name);
            projections.add(new ProjectionStatus(name, position, position == null ? null : Math.max(0, head - position),
                    processor != null && processor.isRunning(), replayable.isPresent(),
                    replayable.isPresent() ? null : registry.whyNot(name),
                    replayable.map(ReplayableProjection::tables).orElse(List.of()), rows, replays.get(name)));
        }
        return new ProjectionsOverview(head, projections);
    }

    /** Starts a replay; 202 with the overview row to poll, 404 unknown, 409 one is running. */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        replayer.start(name);
        ProjectionStatus status = overview().projections().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        return ResponseEntity.accepted().header("Location", "/api/admin/projections").body(status);
    }
}
