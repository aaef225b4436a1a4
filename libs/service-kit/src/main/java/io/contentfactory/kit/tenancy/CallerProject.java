package io.contentfactory.kit.tenancy;

import io.contentfactory.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The project of the current request, taken only from the internal token the gateway signed (its subject).
 * Never from a header or the body. Use it on endpoints annotated {@code @Authenticated}.
 */
@RequestScoped
public class CallerProject {

    private final JsonWebToken token;

    CallerProject(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new ProblemException(
                    401, "internal_token_required", "Unauthorized", "this route is reached through the gateway only");
        }
        return UUID.fromString(subject);
    }
}
