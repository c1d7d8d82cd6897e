package org.duban.api.issueview;

import java.util.List;

/** A page of issue summaries; pages count from 0. */
public record IssuePage(List<IssueSummary> items, int page, int size, long totalItems, int totalPages) {
}
