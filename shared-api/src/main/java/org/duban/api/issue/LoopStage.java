package org.duban.api.issue;

/** The five stages of the closed loop 点评—考核—通报—整改—避免发生. */
public enum LoopStage {
    REVIEW, ASSESSMENT, NOTIFICATION, RECTIFICATION, PREVENTION
}
