package io.contentfactory.studio.domain;

import java.util.UUID;

/** What a generation is asked to be made from: one of the coach's creative briefs or derivative plans, or a prompt. */
public sealed interface GenerationSource {

    record FreePrompt(String prompt) implements GenerationSource {}

    record FromBrief(UUID briefId) implements GenerationSource {}

    record FromPlan(UUID planId) implements GenerationSource {}
}
