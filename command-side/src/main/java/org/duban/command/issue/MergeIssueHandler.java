package org.duban.command.issue;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.duban.api.issue.MergeIssue;
import org.springframework.stereotype.Component;

/**
 * Merging needs two issues: the target must exist and still accept duplicates, then the
 * merged issue ends WITHDRAWN with a link. Both histories stay.
 */
@Component
class MergeIssueHandler {
    private final Repository<Issue> issues;

    MergeIssueHandler(Repository<Issue> issueRepository) {
        this.issues = issueRepository;
    }

    @CommandHandler
    public long handle(MergeIssue cmd) {
        if (cmd.intoIssueId().equals(cmd.issueId())) {
            throw IssueRefusals.mergeTargetInvalid("An issue cannot be merged into itself.");
        }
        Aggregate<Issue> target;
        try {
            target = issues.load(cmd.intoIssueId().toString());
        } catch (AggregateNotFoundException e) {
            throw IssueRefusals.mergeTargetInvalid("There is no issue " + cmd.intoIssueId() + " to merge into.");
        }
        if (!target.invoke(Issue::acceptsDuplicates)) {
            throw IssueRefusals.mergeTargetInvalid("Issue " + cmd.intoIssueId() + " is withdrawn and cannot take duplicates.");
        }
        return issues.load(cmd.issueId().toString()).invoke(issue -> issue.mergeInto(cmd.intoIssueId(), cmd.reason()));
    }
}
