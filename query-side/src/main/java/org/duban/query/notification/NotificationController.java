package org.duban.query.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.duban.api.actor.Actor;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The signed-in user's inbox: notifications addressed to them or to their department. Marking
 * one read is a write the query side owns (it changes no domain state), so it is served here.
 */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {
    private final Inbox inbox;
    private final Clock clock;

    NotificationController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** {@code unread=true} for unread ones only, {@code unread=false} for read ones only. */
    @GetMapping
    public ResultPage<NotificationView> list(@RequestParam(required = false) Boolean unread,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Actor actor = CurrentActor.require();
        return inbox.page(actor.userId(), actor.department(), unread == null ? null : !unread, page, size);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        Actor actor = CurrentActor.require();
        if (!inbox.markRead(id, actor.userId(), actor.department(), clock.instant())) {
            // Someone else's notification answers like a missing one: its existence is not ours to reveal.
            throw new DomainRefusal(ErrorCode.NOT_FOUND, "No notification " + id + " in your inbox.");
        }
        return ResponseEntity.noContent().build();
    }
}
