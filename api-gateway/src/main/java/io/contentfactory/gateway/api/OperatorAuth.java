package io.contentfactory.gateway.api;

import io.contentfactory.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks the operator token of the admin API in constant time. */
@ApplicationScoped
public class OperatorAuth {

    private final byte[] token;

    OperatorAuth(@ConfigProperty(name = "factory.gateway.operator-token") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public void require(String authorization) {
        String presented =
                authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(
                    401,
                    "operator_token_required",
                    "Unauthorized",
                    "the admin API needs 'Authorization: Bearer <operator token>'");
        }
    }
}
