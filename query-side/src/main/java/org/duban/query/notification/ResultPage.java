package org.duban.query.notification;

import java.util.List;

/** A page of results, shaped like the issue list's pages. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <T> ResultPage<T> of(List<T> items, int page, int size, long totalItems) {
        return new ResultPage<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
