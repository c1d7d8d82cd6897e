package org.duban.command.rankingweights;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.duban.api.Accepted;
import org.duban.api.ranking.ChangeRankingWeights;
import org.duban.command.web.CommandSender;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN or the committee replaces the ranking weights. Answers {id: "ranking-weights", version:
 * the weights' version after the change}, the number GET /api/ranking-weights reports and
 * accepts as {@code minVersion}.
 */
@RestController
class RankingWeightsCommandController {
    private final CommandSender commands;

    RankingWeightsCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PutMapping("/api/ranking-weights")
    Accepted change(@Valid @RequestBody Body body, HttpServletRequest request) {
        String id = ChangeRankingWeights.DEFAULT_ID;
        Long version = commands.send(new ChangeRankingWeights(id, body.w(), body.a(), body.b(), body.c(), body.reason()), request);
        return new Accepted(id, version == null ? 0 : version);
    }

    /** The body: shape and ranges checked here; the sum, which spans fields, by the aggregate. */
    record Body(@NotNull @DecimalMin("0") @DecimalMax("1") Double w,
                @NotNull @DecimalMin("0") @DecimalMax("1") Double a,
                @NotNull @DecimalMin("0") @DecimalMax("1") Double b,
                @NotNull @DecimalMin("0") @DecimalMax("1") Double c,
                @NotBlank @Size(max = RankingWeightsRules.MAX_REASON) String reason) {
    }
}
