package io.contentfactory.studio.clients;

import io.contentfactory.studio.domain.ModelProvider;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * One provider's API, at the base URL it is configured with. A call the provider refuses or does not answer fails
 * with {@link ProviderFailure}.
 */
public interface GenerationProvider {

    ModelProvider provider();

    /** Whether it has a key: a provider without one is off, and its models are never chosen. */
    boolean configured();

    /**
     * Hands the job to the provider: its request id, to be stored before any waiting. A provider that answers at once
     * (Gemini's images) makes it in this call and answers its result too.
     */
    Uni<Submission> submit(ProviderJob job);

    /** Where the job stands. */
    Uni<JobProgress> progress(String modelId, String requestId);

    /** Asks the provider to stop the job; true if it will not run (a job already running may not stop). */
    Uni<Boolean> cancel(String modelId, String requestId);

    /** A job the provider took: its id, and its result where the provider made it in the same call. */
    record Submission(String requestId, Optional<JobProgress.Done> madeAtOnce) {

        public static Submission queued(String requestId) {
            return new Submission(requestId, Optional.empty());
        }
    }
}
