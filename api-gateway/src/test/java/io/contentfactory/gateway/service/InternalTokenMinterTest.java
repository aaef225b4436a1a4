package io.contentfactory.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.auth.InternalTokenContract;
import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class InternalTokenMinterTest {

    private static final String SECRET = "internal-jwt/test-master.hex";

    private final InternalTokenMinter minter = minter();

    private static InternalTokenMinter minter() {
        try {
            return new InternalTokenMinter(SECRET);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Principal principal(UUID project, Scope... scopes) {
        return new Principal(project, UUID.randomUUID(), Set.of(scopes), null, null);
    }

    @Test
    void oneTokenServesTheSameProjectScopesAndServiceAndNoOther() {
        UUID project = UUID.randomUUID();
        String first = minter.mint(principal(project, Scope.READ), "ingest-service");

        assertThat(minter.mint(principal(project, Scope.READ), "ingest-service"))
                .as("another key of the same project and scopes, within half the lifetime")
                .isEqualTo(first);
        assertThat(minter.mint(principal(project, Scope.READ), "scheduler-service"))
                .isNotEqualTo(first);
        assertThat(minter.mint(principal(project, Scope.READ, Scope.WRITE), "ingest-service"))
                .isNotEqualTo(first);
        assertThat(minter.mint(principal(UUID.randomUUID(), Scope.READ), "ingest-service"))
                .isNotEqualTo(first);
    }

    @Test
    void theTokenIsTheContractsJwtUnderTheServicesOwnKeyWithAtLeastHalfItsLifetimeLeft() throws Exception {
        UUID project = UUID.randomUUID();
        String token = minter.mint(principal(project, Scope.WRITE, Scope.READ), "metrics-service");
        byte[] master = InternalTokenContract.masterSecret(new String(
                getClass().getClassLoader().getResourceAsStream(SECRET).readAllBytes(), StandardCharsets.US_ASCII));

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(InternalTokenContract.serviceKey(master, "metrics-service")))
                .setExpectedIssuer(InternalTokenContract.ISSUER)
                .setExpectedAudience("metrics-service")
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo(project.toString());
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("read", "write");
        long left =
                claims.getExpirationTime().getValue() - java.time.Instant.now().getEpochSecond();
        assertThat(left).isBetween(InternalTokenMinter.REUSE.toSeconds() - 1, InternalTokenMinter.LIFETIME.toSeconds());
    }
}
