package org.duban.api.projection;

import java.util.List;

/**
 * GET /api/admin/projections: the head of the event store (highest global index, -1 when empty)
 * and every event processor known to this node or to the token store.
 */
public record ProjectionsOverview(long head, List<ProjectionStatus> projections) {
}
