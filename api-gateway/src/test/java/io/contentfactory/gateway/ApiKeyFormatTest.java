package io.contentfactory.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.domain.ApiKeyFormat;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void aGeneratedKeyParsesBackToItsLookupId() {
        ApiKeyFormat.ParsedKey key = ApiKeyFormat.generate();
        assertThat(key.key()).startsWith("cf_live_").hasSize(8 + 11 + 32 + 1 + 6);
        assertThat(ApiKeyFormat.parse(key.key())).contains(key);
    }

    @Test
    void aTypoFailsTheChecksum() {
        String key = ApiKeyFormat.generate().key();
        char changed = key.charAt(20) == 'a' ? 'b' : 'a';
        String typo = key.substring(0, 20) + changed + key.substring(21);
        assertThat(ApiKeyFormat.parse(typo)).isEmpty();
    }

    @Test
    void otherStringsAreNotKeys() {
        assertThat(ApiKeyFormat.parse(null)).isEmpty();
        assertThat(ApiKeyFormat.parse("")).isEmpty();
        assertThat(ApiKeyFormat.parse("Bearer something")).isEmpty();
        assertThat(ApiKeyFormat.parse("ghp_" + "a".repeat(54))).isEmpty();
        assertThat(ApiKeyFormat.parse("cf_live_" + "é".repeat(43) + "_AAAAAA")).isEmpty();
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(ApiKeyFormat.generate().key());
        }
        assertThat(keys).hasSize(10_000);
    }
}
