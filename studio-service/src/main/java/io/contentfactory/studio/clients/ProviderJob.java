package io.contentfactory.studio.clients;

import io.contentfactory.studio.domain.ModelKind;

/**
 * One shot as a provider is asked to make it.
 *
 * @param clipSeconds the clip length the model makes for the shot (one of its durations); null for a still
 */
public record ProviderJob(String modelId, ModelKind kind, String prompt, String aspectRatio, Integer clipSeconds) {}
