package org.duban.query.deadlinepolicy;

import jakarta.validation.constraints.Min;
import org.duban.api.deadline.ChangeDeadlinePolicy;
import org.duban.api.deadline.DeadlinePolicySpec;
import org.duban.query.web.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deadline policy in force and its history, for everyone signed in; {@code minVersion} waits for ADMIN's latest change. */
@RestController
class DeadlinePolicyController {
    private final DeadlinePolicyViewRepository policies;
    private final ReadYourWrites readYourWrites;

    DeadlinePolicyController(DeadlinePolicyViewRepository policies, ReadYourWrites readYourWrites) {
        this.policies = policies;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/deadline-policies")
    DeadlinePolicyView current(@RequestParam(required = false) @Min(0) Long minVersion) {
        String id = ChangeDeadlinePolicy.DEFAULT_ID;
        readYourWrites.await(minVersion, () -> policies.version(id));
        DeadlinePolicyView.Version latest = policies.latest(id)
                .orElse(new DeadlinePolicyView.Version(0, DeadlinePolicySpec.DEFAULT));
        return new DeadlinePolicyView(latest.version(), latest.spec(), policies.history(id, latest.version()));
    }
}
