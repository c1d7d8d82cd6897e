package org.duban.query.governance;

import jakarta.validation.constraints.Min;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.query.web.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The governance project ranking and one project's page, for everyone signed in: like the 集中评审
 * results, the ranking compares departments openly. {@code minVersion} waits for a write just made.
 */
@RestController
@RequestMapping("/api/governance-projects")
public class GovernanceProjectController {
    private final GovernanceProjectQueries projects;
    private final ReadYourWrites readYourWrites;

    GovernanceProjectController(GovernanceProjectQueries projects, ReadYourWrites readYourWrites) {
        this.projects = projects;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    public ProjectRanking ranking() {
        return projects.ranking();
    }

    @GetMapping("/{id}")
    public ProjectDetail get(@PathVariable String id, @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.await(minVersion, () -> projects.version(id));
        return projects.detail(id).orElseThrow(() -> new DomainRefusal(ErrorCode.NOT_FOUND,
                "No such governance project: " + id + "."));
    }
}
