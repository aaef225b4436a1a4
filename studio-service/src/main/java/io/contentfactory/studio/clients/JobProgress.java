package io.contentfactory.studio.clients;

import io.contentfactory.contracts.events.GenerationError;

/** Where a provider's job stands when asked. */
public sealed interface JobProgress {

    /** Queued or running at the provider, in the provider's own word ({@code IN_QUEUE}, {@code processing}). */
    record Waiting(String providerState) implements JobProgress {}

    /** Made: where to fetch it, and the seed the provider used where it tells. */
    record Done(String outputUrl, Long seed) implements JobProgress {}

    /** The provider ended the job without a result (a refusal, an error, a cancellation). */
    record Failed(GenerationError error) implements JobProgress {}
}
