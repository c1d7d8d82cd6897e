package org.duban.api.inspection;

/** The six steps of a party-building round (党建查房): 看、听、访、评、改、督. */
public enum PartyRoundStep {
    /** 看 */ LOOK,
    /** 听 */ LISTEN,
    /** 访 */ VISIT,
    /** 评 */ EVALUATE,
    /** 改 */ RECTIFY,
    /** 督 */ SUPERVISE
}
