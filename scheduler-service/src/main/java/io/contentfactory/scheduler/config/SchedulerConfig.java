package io.contentfactory.scheduler.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "factory.scheduler")
public interface SchedulerConfig {
    double horizonHours();

    double minGapHours();

    double maxGapHours();

    /** The real length of one plan hour; compressing it compresses the whole plan. */
    Duration planHour();

    /** The earliest a newly planned post may fire, from now. */
    Duration firstSlotLead();

    /** How often queues with targets beyond the horizon are planned again. */
    Duration replanEvery();

    Duration lease();

    /** How many due targets one claim takes and fires in one transaction. */
    int fireBatch();

    Duration maxSleep();

    /** The share of slot decisions made on a Thompson draw of an account's learned hours, 0 to 1. */
    @io.smallrye.config.WithDefault("0.2")
    double exploreShare();
}
