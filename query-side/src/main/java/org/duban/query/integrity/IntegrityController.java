package org.duban.query.integrity;

import org.duban.platform.axonserver.ReadsEventTable;
import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of the integrity chain, for auditors and administrators. */
@ReadsEventTable
@RestController
class IntegrityController {
    private final ChainVerifier verifier;

    IntegrityController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/integrity")
    ChainVerifier.IntegrityReport integrity() {
        Actor actor = CurrentActor.require();
        if (actor.role() != Role.AUDITOR && actor.role() != Role.ADMIN) {
            throw new DomainRefusal(ErrorCode.FORBIDDEN, "Only auditors and administrators verify the integrity chain.");
        }
        return verifier.verify();
    }
}
