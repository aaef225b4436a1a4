package io.contentfactory.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.gateway.Tenants.Tenant;
import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.edge.RateLimiter;
import io.contentfactory.gateway.service.ApiKeyAuthenticator;
import io.contentfactory.gateway.service.InternalTokenMinter;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The gateway's per-request cost of authentication once the key is cached: checksum, cache lookup and HMAC
 * comparison, then the rate-limit buckets and the internal token. Reports figures to target/bench-auth-cost.txt;
 * asserts only that the work succeeded, never a timing. Run: ./mvnw -Pbench -pl api-gateway test
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class AuthCostBench {

    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 500_000;

    @Inject
    ApiKeyAuthenticator authenticator;

    @Inject
    RateLimiter limiter;

    @Inject
    InternalTokenMinter minter;

    @Test
    void costPerRequestWithACachedKey() throws Exception {
        Tenant tenant = Tenants.create("read");
        Supplier<Principal> authenticate = () ->
                authenticator.authenticate(tenant.key()).await().indefinitely().orElseThrow();
        Principal principal = authenticate.get();

        double auth = nanosPerCall(() -> authenticate.get());
        double limit = nanosPerCall(() -> limiter.acquire(principal));
        double mint = nanosPerCall(() -> minter.mint(principal, "ingest-service"));

        String report = String.format(
                Locale.ROOT,
                "authenticate (cached key): %.1f us%nrate limits: %.1f us%n"
                        + "internal token: %.1f us%ntotal: %.1f us%n",
                auth / 1000,
                limit / 1000,
                mint / 1000,
                (auth + limit + mint) / 1000);
        System.out.print(report);
        Files.writeString(Path.of("target/bench-auth-cost.txt"), report);
        assertThat(authenticate.get().projectId().toString()).isEqualTo(tenant.projectId());
    }

    private static double nanosPerCall(Supplier<?> call) {
        Object sink = null;
        for (int i = 0; i < WARM_UP; i++) {
            sink = call.get();
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink = call.get();
        }
        long elapsed = System.nanoTime() - start;
        assertThat(sink).isNotNull();
        return (double) elapsed / MEASURED;
    }
}
