package org.duban.api.dashboard;

/**
 * One month ({@code 2026-10}): issues raised (business time) and closed in it, return visits and
 * satisfaction rate; {@code raisedMoM}/{@code raisedYoY} are relative changes of {@code raised}
 * against the previous month and the same month a year before (0.25 = +25 %), null when that base is 0.
 */
public record TrendPoint(String month, long raised, long closed, long feedbackRecords, Double satisfaction,
                         Double raisedMoM, Double raisedYoY) {
}
