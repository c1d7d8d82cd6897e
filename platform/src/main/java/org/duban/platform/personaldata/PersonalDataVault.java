package org.duban.platform.personaldata;

import org.duban.api.personaldata.SealedPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts personal data per data subject (AES-256-GCM, one key per subject in
 * {@code personal_data_key}) before it enters any message, and opens it again for readers
 * allowed to see it. Destroying a subject's key erases the data for good (crypto-shredding).
 */
public class PersonalDataVault implements SubjectKeys {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a new data subject with its own key and seals the data with it; null when there is nothing to seal. */
    public SealedPersonalData seal(PersonalData data) {
        if (data == null || data.isEmpty()) return null;
        UUID subject = UUID.randomUUID();
        SecretKey key = newKey();
        jdbc.update("insert into personal_data_key (subject_id, secret) values (?, ?)", subject, key.getEncoded());
        return new SealedPersonalData(subject.toString(),
                encrypt(key, subject, "name", data.name()),
                encrypt(key, subject, "phone", data.phone()),
                encrypt(key, subject, "idNumber", data.idNumber()));
    }

    /** The plain data, or empty when the subject's key has been destroyed. */
    public Optional<PersonalData> open(SealedPersonalData sealed) {
        UUID subject = UUID.fromString(sealed.subjectId());
        List<byte[]> secrets = jdbc.query("select secret from personal_data_key where subject_id = ? and secret is not null",
                (rs, i) -> rs.getBytes(1), subject);
        if (secrets.isEmpty()) return Optional.empty();
        SecretKey key = new SecretKeySpec(secrets.getFirst(), "AES");
        return Optional.of(new PersonalData(
                decrypt(key, subject, "name", sealed.name()),
                decrypt(key, subject, "phone", sealed.phone()),
                decrypt(key, subject, "idNumber", sealed.idNumber())));
    }

    /**
     * Destroys the subject's key, keeping its row with the time and reason so that "erased" stays
     * distinguishable from "never existed". Runs in the caller's transaction; concurrent erasures of
     * one subject serialize on the row, and only the first finds a secret to destroy.
     */
    @Override
    public Destruction destroy(String subjectId, String reason) {
        UUID subject = subject(subjectId);
        if (subject == null) return Destruction.UNKNOWN;
        int destroyed = jdbc.update("""
                update personal_data_key set secret = null, erased_at = now(), erasure_reason = ?
                where subject_id = ? and secret is not null""", reason, subject);
        if (destroyed == 1) return Destruction.DESTROYED;
        Long rows = jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?", Long.class, subject);
        return rows == null || rows == 0 ? Destruction.UNKNOWN : Destruction.ALREADY_DESTROYED;
    }

    /** Whether the subject's key was destroyed (false for a live key and for a subject never known). */
    public boolean isErased(String subjectId) {
        UUID subject = subject(subjectId);
        if (subject == null) return false;
        Long erased = jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ? and secret is null",
                Long.class, subject);
        return erased != null && erased > 0;
    }

    /** The sealed data as a read model may keep it once the subject is erased: the subject id, no ciphertext. */
    public static SealedPersonalData shredded(SealedPersonalData sealed) {
        return sealed == null ? null : new SealedPersonalData(sealed.subjectId(), null, null, null);
    }

    /** Whether a read model already dropped the ciphertexts (sealing never yields a record without any). */
    public static boolean isShredded(SealedPersonalData sealed) {
        return sealed != null && sealed.name() == null && sealed.phone() == null && sealed.idNumber() == null;
    }

    private static UUID subject(String subjectId) {
        try {
            return subjectId == null ? null : UUID.fromString(subjectId);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private String encrypt(SecretKey key, UUID subject, String field, String plain) {
        if (plain == null || plain.isBlank()) return null;
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(subject, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt personal data", e);
        }
    }

    private String decrypt(SecretKey key, UUID subject, String field, String sealed) {
        if (sealed == null) return null;
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(aad(subject, field));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data of subject " + subject + " cannot be opened", e);
        }
    }

    /** Binds each ciphertext to its subject and field, so a value cannot be moved to another. */
    private static byte[] aad(UUID subject, String field) {
        return (subject + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
