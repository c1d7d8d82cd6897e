package org.duban.query.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.duban.api.actor.Actor;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.security.CurrentActor;
import org.duban.query.web.ReadAccess;
import org.duban.query.web.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Inspection rounds for everyone signed in; a department user sees only the findings its
 * department owns or was named in. {@code minVersion} waits for the round's version a command answered.
 */
@RestController
@RequestMapping("/api/inspection-rounds")
public class InspectionRoundController {
    private final InspectionRoundRepository rounds;
    private final ReadYourWrites readYourWrites;

    InspectionRoundController(InspectionRoundRepository rounds, ReadYourWrites readYourWrites) {
        this.rounds = rounds;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    public List<RoundSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return rounds.list(scope(), size, page * size);
    }

    @GetMapping("/{id}")
    public RoundView round(@PathVariable String id, @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.await(minVersion, () -> rounds.version(id));
        return rounds.find(id, scope())
                .orElseThrow(() -> new DomainRefusal(ErrorCode.NOT_FOUND, "No such inspection round: " + id + "."));
    }

    private static String scope() {
        Actor actor = CurrentActor.require();
        return ReadAccess.listScope(actor);
    }
}
