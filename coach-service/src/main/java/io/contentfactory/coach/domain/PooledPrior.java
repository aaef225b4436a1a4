package io.contentfactory.coach.domain;

import io.contentfactory.contracts.events.LearningFeatures;
import java.util.List;

/**
 * The prior of an account's content effects, pooled from the project's other accounts' models by the method of
 * moments: its mean is their effects' mean, its variance per effect is how much their effects differ beyond what
 * their own uncertainty explains, never below {@code floor}. With fewer than {@link #MIN_ACCOUNTS} other learned
 * accounts there is nothing to pool, and the fallback (effects of zero, wide) stands.
 */
public final class PooledPrior {

    public static final int MIN_ACCOUNTS = 2;

    private PooledPrior() {}

    public static ContentEffects.Prior of(List<AccountModel> others, ContentEffects.Prior fallback, double floor) {
        List<AccountModel> learned =
                others.stream().filter(AccountModel::learned).toList();
        if (learned.size() < MIN_ACCOUNTS) {
            return fallback;
        }
        int p = LearningFeatures.NAMES.size();
        double[] mean = new double[p];
        double[] variance = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            double ownUncertainty = 0;
            for (AccountModel model : learned) {
                sum += model.effects().get(j).mean();
                ownUncertainty += model.covariance()[j][j];
            }
            mean[j] = sum / learned.size();
            double spread = 0;
            for (AccountModel model : learned) {
                double d = model.effects().get(j).mean() - mean[j];
                spread += d * d;
            }
            double between = spread / (learned.size() - 1) - ownUncertainty / learned.size();
            variance[j] = Math.min(fallback.variance()[j], Math.max(floor, between));
        }
        return new ContentEffects.Prior(mean, variance);
    }
}
