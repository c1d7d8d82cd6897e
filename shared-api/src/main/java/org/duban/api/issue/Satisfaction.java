package org.duban.api.issue;

/** A hotline complainant's satisfaction at the return visit (回访). */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
