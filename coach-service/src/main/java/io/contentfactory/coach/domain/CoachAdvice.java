package io.contentfactory.coach.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the coach says about a media item: a summary, what worked, what to improve, the next steps and the formats
 * to make next, every statement citing its evidence.
 */
public record CoachAdvice(
        Statement summary,
        List<Statement> worked,
        List<Statement> toImprove,
        List<NextAction> nextActions,
        List<FormatSuggestion> formats) {

    public CoachAdvice {
        worked = List.copyOf(worked);
        toImprove = List.copyOf(toImprove);
        nextActions = List.copyOf(nextActions);
        formats = List.copyOf(formats);
    }

    /** Whether every statement cites evidence, and only evidence that {@code snapshot} holds. */
    public boolean citesOnly(CoachSnapshot snapshot) {
        return summary != null
                && summary.supportedBy(snapshot)
                && worked.stream().allMatch(s -> s.supportedBy(snapshot))
                && toImprove.stream().allMatch(s -> s.supportedBy(snapshot))
                && nextActions.stream().allMatch(a -> a.why() != null && a.why().supportedBy(snapshot))
                && formats.stream()
                        .allMatch(f -> f.format() != null
                                && f.description() != null
                                && f.description().supportedBy(snapshot));
    }

    /** The cited ids {@code snapshot} does not hold, in the order they are cited. */
    public List<String> citationsOutside(CoachSnapshot snapshot) {
        return statements().stream()
                .flatMap(statement -> statement.evidence().stream())
                .filter(id -> !snapshot.has(id))
                .distinct()
                .toList();
    }

    /** Every statement: the summary, what worked, what to improve, each next action's and each format's. */
    public List<Statement> statements() {
        List<Statement> all = new java.util.ArrayList<>();
        all.add(summary);
        all.addAll(worked);
        all.addAll(toImprove);
        nextActions.forEach(action -> all.add(action.why()));
        formats.forEach(format -> all.add(format.description()));
        return all;
    }

    /**
     * This advice without the statements that cite no evidence or evidence absent from {@code snapshot}; empty when
     * even the summary has none, since an insight without a supported summary is not stored.
     */
    public Optional<CoachAdvice> supportedBy(CoachSnapshot snapshot) {
        if (summary == null || !summary.supportedBy(snapshot)) {
            return Optional.empty();
        }
        return Optional.of(new CoachAdvice(
                summary,
                worked.stream().filter(s -> s.supportedBy(snapshot)).toList(),
                toImprove.stream().filter(s -> s.supportedBy(snapshot)).toList(),
                nextActions.stream()
                        .filter(a -> a.why() != null && a.why().supportedBy(snapshot))
                        .toList(),
                formats.stream()
                        .filter(f -> f.format() != null
                                && f.description() != null
                                && f.description().supportedBy(snapshot))
                        .toList()));
    }
}
