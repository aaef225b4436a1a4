package io.contentfactory.publisher.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String OLD = "old:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW =
            "new:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aRotatedKeyRingStillDecryptsWhatTheOldKeySealed() {
        byte[] sealed = new TokenCipher(OLD, "old").encrypt("secret-token", "p/c/access_token");
        var rotated = new TokenCipher(NEW + "," + OLD, "new");

        assertThat(rotated.decrypt(sealed, "old", "p/c/access_token")).isEqualTo("secret-token");
        assertThat(rotated.activeKeyId()).isEqualTo("new");
        assertThat(new String(rotated.encrypt("secret-token", "x"))).doesNotContain("secret-token");
    }

    @Test
    void aCiphertextMovedToAnotherRowOrFieldDoesNotDecrypt() {
        var cipher = new TokenCipher(NEW, "new");
        byte[] sealed = cipher.encrypt("secret-token", "projectA/conn1/access_token");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "new", "projectB/conn1/access_token"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "new", "projectA/conn1/refresh_token"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "gone", "projectA/conn1/access_token"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoEncryptionsOfOneTokenDiffer() {
        var cipher = new TokenCipher(NEW, "new");
        assertThat(cipher.encrypt("t", "a")).isNotEqualTo(cipher.encrypt("t", "a"));
    }

    @Test
    void aBadKeyRingIsRefusedAtStartup() {
        assertThatThrownBy(() -> new TokenCipher("k1:c2hvcnQ=", "k1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TokenCipher(NEW, "missing")).isInstanceOf(IllegalStateException.class);
    }
}
