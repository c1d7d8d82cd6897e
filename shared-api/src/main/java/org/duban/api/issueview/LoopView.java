package org.duban.api.issueview;

import org.duban.api.issue.LoopStage;

import java.util.List;

/**
 * An issue's closed loop 点评—考核—通报—整改—避免发生: the five stages, whether each is complete,
 * and the events behind each. {@code missing} names the stages still to do.
 */
public record LoopView(String issueId, boolean complete, List<LoopStage> missing, List<Stage> stages) {

    public record Stage(LoopStage stage, boolean complete, List<HistoryEntry> events) {
    }
}
