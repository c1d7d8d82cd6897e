package org.duban.api.personaldata;

import org.axonframework.serialization.Revision;

/**
 * A data subject's key was destroyed: every ciphertext sealed with it, in events and read models,
 * can never be opened again. Carries no personal data, only the subject's random id and why.
 */
@Revision("1")
public record SubjectErased(String subjectId, String reason) {
}
