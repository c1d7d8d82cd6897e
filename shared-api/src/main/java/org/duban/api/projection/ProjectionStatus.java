package org.duban.api.projection;

import java.util.List;

/**
 * One event processor: where it is in the event store (the lowest position of its segments, so
 * lag = head − position counts events some segment has not yet passed), whether it runs on this
 * node, whether it can be replayed (and why not), and its latest replay if any.
 *
 * @param position  lowest segment position; null when no segment has a token yet
 * @param lag       head − position; null when position is null
 * @param runningHere whether the processor runs on the node that answered
 * @param notReplayableBecause null when replayable
 * @param tables    the read-model tables a replay rebuilds (empty when not replayable)
 * @param replay    the latest replay of this projection, null if never
 */
public record ProjectionStatus(String name, Long position, Long lag, boolean runningHere, boolean replayable,
                               String notReplayableBecause, List<String> tables, List<SegmentPosition> segments,
                               ReplayProgress replay) {
}
