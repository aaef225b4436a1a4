package io.contentfactory.coach.service;

import io.contentfactory.coach.clients.ModelAnswerRejected;
import io.contentfactory.coach.clients.ModelCoach;
import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachRules;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Who writes an insight's advice: the chat model when one is enabled and its answer holds, else the rules. A model
 * answer is kept only whole: one statement citing an id the snapshot does not hold, or one field outside the schema,
 * and the rules' advice is stored instead, with the reason.
 */
@ApplicationScoped
class CoachAuthor {

    private static final Logger LOG = Logger.getLogger(CoachAuthor.class);

    /** The advice, who wrote it, and why a model's answer was set aside (null when it was kept or not asked for). */
    record Authored(CoachAdvice advice, String generatedBy, String modelRejection) {}

    private final ModelCoach model;

    CoachAuthor(ModelCoach model) {
        this.model = model;
    }

    /** Empty when nothing in the snapshot supports even a summary. */
    @WithSpan("CoachAuthor.advise")
    Uni<Optional<Authored>> advise(CoachSnapshot snapshot) {
        if (!model.enabled()) {
            return Uni.createFrom().item(byRules(snapshot, null));
        }
        return model.advise(snapshot)
                .map(advice -> {
                    if (!advice.citesOnly(snapshot)) {
                        throw new ModelAnswerRejected("the model cited evidence its snapshot does not hold: "
                                + advice.citationsOutside(snapshot));
                    }
                    return Optional.of(new Authored(advice, model.author(), null));
                })
                .onFailure()
                .recoverWithItem(failure -> byRules(snapshot, rejection(failure)));
    }

    private static Optional<Authored> byRules(CoachSnapshot snapshot, String modelRejection) {
        return CoachRules.advise(snapshot)
                .supportedBy(snapshot)
                .map(advice -> new Authored(advice, CoachRules.AUTHOR, modelRejection));
    }

    private static String rejection(Throwable failure) {
        String reason = failure instanceof ModelAnswerRejected
                ? failure.getMessage()
                : "the model failed: " + failure.getClass().getSimpleName();
        LOG.warnf("the model's coach summary was set aside and the rules' stored instead: %s", reason);
        return reason;
    }
}
