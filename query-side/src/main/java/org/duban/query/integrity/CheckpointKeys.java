package org.duban.query.integrity;

import org.duban.api.integrity.CanonicalEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The Ed25519 key that signs checkpoints. Configured with {@code duban.integrity.signing-key}
 * (PKCS#8, base64) and {@code duban.integrity.public-key} (X.509, base64); without them, one key
 * is generated on first start and kept in {@code integrity_key} so it survives restarts.
 * Loaded lazily, after Flyway has run.
 */
@Component
public class CheckpointKeys {
    public static final String ALGORITHM = "Ed25519";
    private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);
    /** Serializes the first-start key generation across nodes ("DUBANKEY"). */
    private static final long KEY_LOCK = 0x4455_4241_4E4B_4559L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String configuredPrivate;
    private final String configuredPublic;
    private volatile Loaded loaded;

    CheckpointKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                   @Value("${duban.integrity.signing-key:}") String configuredPrivate,
                   @Value("${duban.integrity.public-key:}") String configuredPublic) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.configuredPrivate = configuredPrivate.strip();
        this.configuredPublic = configuredPublic.strip();
    }

    /** The signed text of a checkpoint; the offline verifier builds exactly the same. */
    public static String message(long globalIndex, String headHashHex, Instant signedAt) {
        return "duban-checkpoint\n" + globalIndex + "\n" + headHashHex + "\n" + signedAt;
    }

    public byte[] sign(String message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key().privateKey());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** X.509 (SubjectPublicKeyInfo) DER, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key().publicKey().getEncoded());
    }

    /** The first 16 hex digits of SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return key().keyId();
    }

    private Loaded key() {
        Loaded k = loaded;
        if (k == null) {
            synchronized (this) {
                if (loaded == null) loaded = load();
                k = loaded;
            }
        }
        return k;
    }

    private Loaded load() {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            if (!configuredPrivate.isEmpty()) {
                if (configuredPublic.isEmpty()) {
                    throw new IllegalStateException("duban.integrity.signing-key is set but duban.integrity.public-key is not");
                }
                PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(configuredPrivate)));
                PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(configuredPublic)));
                Loaded k = new Loaded(priv, pub, keyId(pub));
                checkPair(k);
                return k;
            }
            Loaded k = transaction.execute(status -> {
                jdbc.queryForList("select pg_advisory_xact_lock(?)", KEY_LOCK);
                List<byte[][]> rows = jdbc.query("select private_key, public_key from integrity_key order by created_at limit 1",
                        (rs, i) -> new byte[][]{rs.getBytes(1), rs.getBytes(2)});
                try {
                    if (!rows.isEmpty()) {
                        PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(rows.getFirst()[0]));
                        PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(rows.getFirst()[1]));
                        return new Loaded(priv, pub, keyId(pub));
                    }
                    KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                    String id = keyId(pair.getPublic());
                    jdbc.update("insert into integrity_key (key_id, private_key, public_key) values (?, ?, ?)", id,
                            pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
                    return new Loaded(pair.getPrivate(), pair.getPublic(), id);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            log.warn("Checkpoints are signed with a key generated and stored in the database (integrity_key, key {}). "
                    + "Production must configure its own: duban.integrity.signing-key and duban.integrity.public-key.", k.keyId());
            return k;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the checkpoint signing key", e);
        }
    }

    private static void checkPair(Loaded k) throws GeneralSecurityException {
        byte[] probe = "duban-key-check".getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(k.privateKey());
        s.update(probe);
        byte[] sig = s.sign();
        s.initVerify(k.publicKey());
        s.update(probe);
        if (!s.verify(sig)) {
            throw new IllegalStateException("duban.integrity.public-key does not match duban.integrity.signing-key");
        }
    }

    private static String keyId(PublicKey pub) {
        return CanonicalEvent.hex(CanonicalEvent.link(new byte[0], pub.getEncoded())).substring(0, 16);
    }

    private record Loaded(PrivateKey privateKey, PublicKey publicKey, String keyId) {
    }
}
