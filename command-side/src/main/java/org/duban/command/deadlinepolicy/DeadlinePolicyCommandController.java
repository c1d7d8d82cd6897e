package org.duban.command.deadlinepolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.duban.api.Accepted;
import org.duban.api.deadline.ChangeDeadlinePolicy;
import org.duban.command.web.CommandSender;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN replaces the deadline policy. Answers {id: "deadline-policy", version: the policy's
 * version after the change}, the number GET /api/deadline-policies reports and accepts as
 * {@code minVersion}.
 */
@RestController
class DeadlinePolicyCommandController {
    private final CommandSender commands;

    DeadlinePolicyCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PutMapping("/api/deadline-policies")
    Accepted change(@Valid @RequestBody DeadlinePolicyRequests.Spec body, HttpServletRequest request) {
        Long version = commands.send(new ChangeDeadlinePolicy(ChangeDeadlinePolicy.DEFAULT_ID, body.toSpec()), request);
        return new Accepted(ChangeDeadlinePolicy.DEFAULT_ID, version == null ? 0 : version);
    }
}
