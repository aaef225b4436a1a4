package io.contentfactory.coach.domain;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.StatUtils;

/**
 * What each analysis feature does to one account's outcome, learned from its own posts and shrunk toward a prior (the
 * effects pooled across the installation): a Bayesian linear regression of the outcome, ln(the post's metric ÷ the
 * account's median), on the features, with the prior N(pooled mean, τ²·I) on the effects and Gaussian noise σ².
 *
 * <p>The choice: a hierarchical model fitted by empirical Bayes. The prior's mean and spread τ² describe how accounts
 * differ across the installation and are estimated there, not from the one account; the account's noise σ² is the
 * value under which its own outcomes are most probable (the evidence approximation: MacKay 1992; Bishop, <i>Pattern
 * Recognition and Machine Learning</i> §3.5.2), re-estimated with the effects until it settles. Why: it is exact and
 * instant at an account's size (tens to hundreds of posts, about ten features) and needs no sampler; with few posts
 * the effects and their intervals are the prior's, so the model never claims more than its data supports. (Fitting τ²
 * from the one account as well was tried and refused: with five posts it collapses τ² to nothing and reports the prior
 * as a certainty.)
 *
 * @param effects             one per feature, in the order fitted
 * @param covariance          the effects' posterior covariance
 * @param noiseVariance       σ², the spread of outcomes the features do not explain
 * @param priorVariance       τ², the prior's spread the fit used, per effect
 * @param posts               how many posts the fit rests on
 * @param effectiveParameters γ, how many effects the data determine (0 to the number of features)
 */
public record ContentEffects(
        List<Effect> effects,
        double[][] covariance,
        double noiseVariance,
        double[] priorVariance,
        int posts,
        double effectiveParameters) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    private static final double Z95 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);
    private static final int MAX_ROUNDS = 200;
    private static final double SETTLED = 1e-7;
    /** Bounds on 1/σ², so that a perfect fit or a single post cannot divide by zero. */
    private static final double MIN_PRECISION = 1e-6;

    private static final double MAX_PRECISION = 1e9;

    /**
     * The effects before the account's own posts: their pooled means and how far one account's may lie from them, per
     * effect.
     */
    public record Prior(double[] mean, double[] variance) {

        public Prior {
            if (variance.length != mean.length) {
                throw new IllegalArgumentException("one prior variance per effect");
            }
            for (double v : variance) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("the prior's variances must be positive, not " + v);
                }
            }
        }

        /** The same spread for every effect. */
        public Prior(double[] mean, double variance) {
            this(mean, filled(mean.length, variance));
        }

        private static double[] filled(int length, double value) {
            double[] values = new double[length];
            java.util.Arrays.fill(values, value);
            return values;
        }
    }

    /** One feature's learned effect on the log outcome, with its 95 % interval. */
    public record Effect(String feature, double mean, double low, double high) {

        /** Whether the interval leaves out zero: the data say the feature matters, and which way. */
        public boolean found() {
            return low > 0 || high < 0;
        }
    }

    /** One post: its features, in the order of {@code features}, and its outcome. */
    public record Post(double[] features, double outcome) {}

    /**
     * A new post's predicted outcome: the log ratio to the account's median, with its 95 % interval, and the chance it
     * beats the median.
     */
    public record Prediction(double mean, double low, double high, double beatsMedian) {}

    /** Fits the account's effects; {@code features} names them, in the order of the prior's and the posts'. */
    public static ContentEffects fit(List<String> features, Prior prior, List<Post> posts) {
        int p = features.size();
        if (prior.mean().length != p) {
            throw new IllegalArgumentException("one prior effect per feature: " + p + ", not " + prior.mean().length);
        }
        RealMatrix x = new Array2DRowRealMatrix(posts.size(), p);
        RealVector y = new ArrayRealVector(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).features().length != p) {
                throw new IllegalArgumentException(
                        "post " + i + " has " + posts.get(i).features().length + " features, not " + p);
            }
            x.setRow(i, posts.get(i).features());
            y.setEntry(i, posts.get(i).outcome());
        }
        RealVector priorMean = new ArrayRealVector(prior.mean());
        RealMatrix gram = x.transpose().multiply(x);
        RealVector xty = x.transpose().operate(y);

        RealVector alpha = new ArrayRealVector(prior.variance()).map(v -> 1.0 / v);
        double beta = 1.0 / Math.max(posts.size() < 2 ? 1.0 : StatUtils.variance(y.toArray()), 1e-3);
        Posterior posterior = posterior(gram, xty, priorMean, alpha, beta);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double gamma = effectiveParameters(alpha, posterior);
            double residual = y.subtract(x.operate(posterior.mean())).getNorm();
            double nextBeta = posts.size() > gamma
                    ? bounded((posts.size() - gamma) / Math.max(residual * residual, 1e-12))
                    : beta;
            boolean settled = Math.abs(nextBeta - beta) <= SETTLED * beta;
            beta = nextBeta;
            posterior = posterior(gram, xty, priorMean, alpha, beta);
            if (settled) {
                break;
            }
        }
        List<Effect> effects = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double mean = posterior.mean().getEntry(j);
            double error = Math.sqrt(posterior.covariance().getEntry(j, j));
            effects.add(new Effect(features.get(j), mean, mean - Z95 * error, mean + Z95 * error));
        }
        return new ContentEffects(
                List.copyOf(effects),
                posterior.covariance().getData(),
                1.0 / beta,
                prior.variance().clone(),
                posts.size(),
                effectiveParameters(alpha, posterior));
    }

    /** What the effects predict for a new post with these features. */
    public Prediction predict(double[] features) {
        RealVector x = new ArrayRealVector(features);
        double mean = 0;
        for (int j = 0; j < effects.size(); j++) {
            mean += effects.get(j).mean() * features[j];
        }
        double uncertainty = x.dotProduct(new Array2DRowRealMatrix(covariance, false).operate(x));
        double spread = Math.sqrt(uncertainty);
        return new Prediction(
                mean,
                mean - Z95 * spread,
                mean + Z95 * spread,
                STANDARD_NORMAL.cumulativeProbability(mean / Math.sqrt(noiseVariance + uncertainty)));
    }

    private record Posterior(RealVector mean, RealMatrix covariance) {}

    /** γ = Σ (1 − α_j Σ_jj): how many effects the data, rather than the prior, determine. */
    private static double effectiveParameters(RealVector alpha, Posterior posterior) {
        double gamma = 0;
        for (int j = 0; j < alpha.getDimension(); j++) {
            gamma += 1 - alpha.getEntry(j) * posterior.covariance().getEntry(j, j);
        }
        return gamma;
    }

    private static Posterior posterior(
            RealMatrix gram, RealVector xty, RealVector prior, RealVector alpha, double beta) {
        int p = prior.getDimension();
        RealMatrix precision = gram.scalarMultiply(beta);
        for (int j = 0; j < p; j++) {
            precision.addToEntry(j, j, alpha.getEntry(j));
        }
        RealMatrix covariance = new CholeskyDecomposition(precision).getSolver().getInverse();
        RealVector mean = covariance.operate(xty.mapMultiply(beta).add(prior.ebeMultiply(alpha)));
        return new Posterior(mean, covariance);
    }

    private static double bounded(double precision) {
        return Math.min(MAX_PRECISION, Math.max(MIN_PRECISION, precision));
    }
}
