package io.contentfactory.metrics.platform;

import io.contentfactory.metrics.config.MetricsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The YouTube Data API units each project spent today. Google counts a client's quota per day, midnight to midnight
 * Pacific time, and refuses further calls with 403 {@code quotaExceeded}; a project over its own share waits for the
 * next quota day instead of spending another project's. Counted per instance: with several instances the platform's
 * 403 is the backstop, and it is read the same way.
 */
@ApplicationScoped
public class YouTubeQuota {

    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private record Day(LocalDate date, int spent) {}

    private final Map<UUID, Day> days = new ConcurrentHashMap<>();
    private final int dailyUnits;

    @jakarta.inject.Inject
    YouTubeQuota(MetricsConfig config) {
        this(config.youtube().dailyUnits());
    }

    YouTubeQuota(int dailyUnits) {
        this.dailyUnits = dailyUnits;
    }

    /** Spends {@code units} of the project's day; false, spending nothing, when they would exceed it. */
    public boolean spend(UUID projectId, int units, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, QUOTA_ZONE);
        boolean[] spent = {false};
        days.compute(projectId, (project, day) -> {
            int before = day == null || !day.date().equals(today) ? 0 : day.spent();
            if (before + units > dailyUnits) {
                return new Day(today, before);
            }
            spent[0] = true;
            return new Day(today, before + units);
        });
        return spent[0];
    }

    /** The units the project spent on the quota day of {@code now}. */
    public int spent(UUID projectId, Instant now) {
        Day day = days.get(projectId);
        return day == null || !day.date().equals(LocalDate.ofInstant(now, QUOTA_ZONE)) ? 0 : day.spent();
    }

    /** When the next quota day starts: midnight Pacific. */
    public static Instant nextDay(Instant now) {
        return LocalDate.ofInstant(now, QUOTA_ZONE)
                .plusDays(1)
                .atStartOfDay(QUOTA_ZONE)
                .toInstant();
    }

    /** Why a project's read waits. */
    String refusal(UUID projectId, Instant now) {
        return "the project spent " + spent(projectId, now) + " of its " + dailyUnits
                + " YouTube Data API units today (Pacific time)";
    }
}
