package org.duban.api.dashboard;

import java.time.Instant;
import java.util.List;

/** 挂图作战: open issues by state and escalation colour, one column per owner department. */
public record WallChart(Instant knownAt, boolean asOf, List<WallColumn> departments) {
}
