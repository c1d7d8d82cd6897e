package org.duban.command.bulletin;

import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.issue.IssueId;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The refusals of a bulletin: invalid fields (400) and changes a published or empty bulletin cannot take (409). */
final class BulletinRefusals {
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private BulletinRefusals() {
    }

    static InvalidInput titleMissing() {
        return new InvalidInput("title", "is required.");
    }

    /** A period is a month like 2026-10, the cadre meeting the bulletin is read at. */
    static void requirePeriod(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) throw periodInvalid();
        try {
            YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw periodInvalid();
        }
    }

    private static InvalidInput periodInvalid() {
        return new InvalidInput("period", "must be a month like 2026-10.");
    }

    static InvalidInput issueMissing() {
        return new InvalidInput("issueId", "is required.");
    }

    static InvalidInput kindMissing() {
        return new InvalidInput("kind", "is required: COMMENDATION or CRITICISM.");
    }

    static InvalidInput textMissing() {
        return new InvalidInput("text", "is required.");
    }

    static DomainRefusal alreadyPublished(String bulletinId) {
        return new DomainRefusal(ErrorCode.BULLETIN_PUBLISHED,
                "Bulletin " + bulletinId + " is published and can no longer change.");
    }

    static DomainRefusal nothingToPublish(String bulletinId) {
        return new DomainRefusal(ErrorCode.BULLETIN_EMPTY, "Bulletin " + bulletinId + " has no entries to publish.");
    }

    static DomainRefusal issueAlreadyNamed(IssueId issueId) {
        return new DomainRefusal(ErrorCode.ISSUE_ALREADY_IN_BULLETIN,
                "Issue " + issueId + " is already named in this bulletin.");
    }
}
