package org.duban.query.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** E-mails and webhook calls given up on, for administrators (role checked in QueryApiSecurity): list and retry. */
@RestController
@RequestMapping("/api/admin/notifications/dead-letters")
class DeadLetterController {
    private final Outbox outbox;
    private final Clock clock;

    DeadLetterController(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping
    ResultPage<DeadLetterView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return outbox.deadLetters(page, size);
    }

    /** Starts the message over: attempts back to zero, due now. */
    @PostMapping("/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        if (!outbox.retry(id, clock.instant())) {
            throw new DomainRefusal(ErrorCode.NOT_FOUND, "No dead letter " + id + ".");
        }
        return ResponseEntity.accepted().build();
    }
}
