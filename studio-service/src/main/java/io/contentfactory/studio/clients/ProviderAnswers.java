package io.contentfactory.studio.clients;

import io.contentfactory.contracts.events.GenerationError;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the providers' HTTP answers and transport failures become {@link ProviderFailure}s, the same for each. */
final class ProviderAnswers {

    private static final int KEPT_BODY = 500;

    private ProviderAnswers() {}

    /**
     * An answer that is not the one expected: a refusal (4xx but 408 and 429) is final, a rate limit or a 5xx may
     * pass. The provider answered, so it took no job.
     */
    static ProviderFailure refused(String provider, String stage, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        boolean retryable = status == 408 || status == 429 || status >= 500;
        String code = switch (status) {
            case 401, 403 -> "provider_unauthorized";
            case 404 -> "provider_job_not_found";
            case 422 -> "provider_refused";
            case 429 -> "provider_rate_limited";
            default -> status >= 500 ? "provider_error" : "provider_bad_request";
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider);
        details.put("httpStatus", status);
        details.put("body", excerpt(response.bodyAsString()));
        return new ProviderFailure(
                new GenerationError(code, provider + " answered HTTP " + status, stage, retryable, details), false);
    }

    /**
     * No answer. A refused connection sent nothing; any other failure (a timeout, a reset) may have reached the
     * provider, so a submission may have made a job.
     */
    static ProviderFailure unanswered(String provider, String stage, Throwable failure) {
        if (failure instanceof ProviderFailure known) {
            return known;
        }
        boolean nothingSent = failure instanceof ConnectException;
        return new ProviderFailure(
                new GenerationError(
                        nothingSent ? "provider_unreachable" : "provider_timeout",
                        provider + " did not answer: " + failure.getMessage(),
                        stage,
                        true,
                        Map.of("provider", provider)),
                !nothingSent);
    }

    /** A 2xx answer whose body lacks what the provider documents. */
    static ProviderFailure malformed(String provider, String stage, String what) {
        return new ProviderFailure(
                new GenerationError(
                        "provider_malformed_answer",
                        provider + "'s answer has no " + what,
                        stage,
                        true,
                        Map.of("provider", provider)),
                false);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= KEPT_BODY ? body : body.substring(0, KEPT_BODY) + "…";
    }
}
