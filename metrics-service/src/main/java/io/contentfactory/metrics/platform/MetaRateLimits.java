package io.contentfactory.metrics.platform;

import io.contentfactory.metrics.config.MetricsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta's rate limits as our Instagram reads have seen them: once an answer says {@code usage-threshold} % or more of
 * a limit is used ({@link MetaUsage}), the account's reads (insights and comments alike) rest for
 * {@code usage-cool-down}, or as long as Meta estimates if longer, rather than run into its throttling at 100 %.
 * Kept per token, which stands for one account; in memory, so a restart forgets a rest (the next answer restores it).
 */
@ApplicationScoped
public class MetaRateLimits {

    /** Until when an account's reads wait, and the share of the limit that was used. */
    public record Rest(Instant until, int percent) {

        public String reason() {
            return "the account used " + percent + " % of Meta's rate limit; its reads rest until " + until;
        }
    }

    private final MetricsConfig.Instagram config;
    private final Map<String, Rest> resting = new ConcurrentHashMap<>();

    MetaRateLimits(MetricsConfig config) {
        this.config = config.instagram();
    }

    /** The account's rest, if one is running at {@code now}. */
    public Optional<Rest> resting(String token, Instant now) {
        Rest rest = resting.get(token);
        return rest != null && now.isBefore(rest.until()) ? Optional.of(rest) : Optional.empty();
    }

    /** Takes in what an answer's {@code X-Business-Use-Case-Usage} and {@code X-App-Usage} headers say. */
    public void observe(String token, String businessUseCase, String app, Instant now) {
        MetaUsage usage = MetaUsage.of(businessUseCase, app);
        if (usage.percent() < config.usageThreshold()) {
            return;
        }
        Instant coolDown = now.plus(config.usageCoolDown());
        Instant estimate = usage.regainAccess(now);
        resting.put(
                token, new Rest(estimate != null && estimate.isAfter(coolDown) ? estimate : coolDown, usage.percent()));
    }
}
