package io.contentfactory.coach.domain;

import java.util.List;

/** A sentence of an insight and the ids of the snapshot entries it rests on. */
public record Statement(String text, List<String> evidence) {

    public Statement {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static Statement of(String text, String... evidence) {
        return new Statement(text, List.of(evidence));
    }

    /** Whether it cites at least one entry and only entries that {@code snapshot} holds. */
    public boolean supportedBy(CoachSnapshot snapshot) {
        return text != null
                && !text.isBlank()
                && !evidence.isEmpty()
                && evidence.stream().allMatch(snapshot::has);
    }
}
