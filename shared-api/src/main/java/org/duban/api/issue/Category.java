package org.duban.api.issue;

/** The seven categories of the 2023 Beijing review of 66 governance tasks. */
public enum Category {
    MEDICAL_SERVICE, MEDICAL_STAFF, FACILITIES_LOGISTICS, QUALITY_AND_DISPUTES, MEDICAL_RESOURCES, MEDICAL_POLICY, OTHER
}
