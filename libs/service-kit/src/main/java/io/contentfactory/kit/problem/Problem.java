package io.contentfactory.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code code} is the stable, machine-readable reason
 * ({@code already_published}, {@code media_not_jpeg}); clients branch on it, never on {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        Map<String, Object> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://content-factory.dev/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(
                URI.create(TYPE_BASE + code.replace('_', '-')), title, status, detail, null, code, null, null);
    }

    public Problem withInstance(String path, String requestId) {
        return new Problem(type, title, status, detail, path, code, requestId, errors);
    }

    public Problem withErrors(Map<String, Object> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, requestId, fieldErrors);
    }
}
