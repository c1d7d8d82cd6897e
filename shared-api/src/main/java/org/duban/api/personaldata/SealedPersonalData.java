package org.duban.api.personaldata;

/**
 * A complainant's personal data, encrypted with the key of one data subject before it enters
 * any message. Fields are Base64 AES-GCM ciphertexts, or null when not given. Destroying the
 * subject's key erases the data everywhere while every event stays intact (crypto-shredding).
 */
public record SealedPersonalData(String subjectId, String name, String phone, String idNumber) {
}
