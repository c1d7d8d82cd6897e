package org.duban.command.personaldata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.duban.api.Accepted;
import org.duban.api.personaldata.EraseSubject;
import org.duban.command.web.CommandSender;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ADMIN erases a data subject's personal data (crypto-shredding). The subject id is the random
 * UUID the issue page shows next to the complainant for roles allowed to see it. Answers
 * {id: the subject id, version: the subject's version after erasure (0)}.
 */
@RestController
class SubjectErasureController {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CommandSender commands;

    SubjectErasureController(CommandSender commands) {
        this.commands = commands;
    }

    record Erasure(@NotBlank @Size(max = DataSubject.REASON_MAX) String reason) {
    }

    @PostMapping("/api/subjects/{subjectId}/erasure")
    Accepted erase(@PathVariable String subjectId, @Valid @RequestBody Erasure body, HttpServletRequest request) {
        // The vault only ever makes canonical UUIDs; anything else names no subject.
        if (!UUID.matcher(subjectId).matches()) throw SubjectRefusals.unknown(subjectId);
        String id = subjectId.toLowerCase(Locale.ROOT);
        Long version = commands.send(new EraseSubject(id, body.reason().strip()), request);
        return new Accepted(id, version == null ? 0 : version);
    }
}
