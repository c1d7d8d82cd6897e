package org.duban.verifier;

import org.duban.api.integrity.CanonicalEvent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the canonical form (shared-api's CanonicalEvent, used by server and verifier alike) with an independently computed vector. */
class CanonicalTest {
    @Test
    void known_vector() {
        byte[] canonical = CanonicalEvent.bytes(1, "e1", "a1", 0, "Issue", "2026-01-01T00:00:00Z", "org.x.Raised", null,
                "{\"t\":\"事\"}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(canonical)).isEqualTo("0000000131000000026531000000026131000000013000000005"
                + "497373756500000014323032362d30312d30315430303a30303a30305a0000000c6f72672e782e526169736564ffffffff"
                + "0000000b7b2274223a22e4ba8b227d000000027b7d");
        assertThat(HexFormat.of().formatHex(CanonicalEvent.link(CanonicalEvent.GENESIS, canonical)))
                .isEqualTo("761cc8653e7de2e2b6052a60f3283a1481ea8003308d99750591ceab274d8b78");
    }
}
