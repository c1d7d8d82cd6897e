package org.duban.platform.personaldata;

/**
 * The keys of data subjects, as the erasure command sees them. Destroying a key must happen in the
 * caller's transaction, so that the key goes if and only if the erasure event is appended.
 */
public interface SubjectKeys {

    /** What became of a request to destroy a subject's key. */
    enum Destruction {
        /** The key existed and is gone now. */
        DESTROYED,
        /** No key was ever made for this subject. */
        UNKNOWN,
        /** The key was destroyed before; nothing changed. */
        ALREADY_DESTROYED
    }

    Destruction destroy(String subjectId, String reason);
}
