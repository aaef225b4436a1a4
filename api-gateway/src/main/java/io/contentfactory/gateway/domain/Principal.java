package io.contentfactory.gateway.domain;

import java.util.Set;
import java.util.UUID;

/** Who is calling: exactly one project, through one key, with its scopes and the project's rate limits. */
public record Principal(
        UUID projectId, UUID keyId, Set<Scope> scopes, Integer rateLimitPerSecond, Integer rateLimitBurst) {

    public boolean allows(Scope needed) {
        return scopes.stream().anyMatch(scope -> scope.includes(needed));
    }
}
