package io.contentfactory.studio.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "factory.studio")
public interface StudioConfig {

    /** A catalog file replacing the defaults (generation-models.json's format); empty: the defaults. */
    Optional<String> catalogFile();

    /** A project's monthly budget in US dollars until it sets its own. */
    @WithDefault("50")
    BigDecimal defaultMonthlyBudget();

    Providers providers();

    /** Where briefs and plans are read: coach-service's internal routes, and the pair key that proves this service. */
    Coach coach();

    Worker worker();

    Assembly assembly();

    /**
     * Each provider's API: a provider with no key is not used (its models are never chosen). Keys are the
     * installation's; they are never logged or returned.
     */
    interface Providers {
        Provider fal();

        Provider replicate();

        Provider gemini();
    }

    interface Provider {
        /** The API's base URL: the provider's own, or platform-sandbox's stand-in. */
        String baseUrl();

        /** The API key (fal.ai, Gemini) or token (Replicate); empty: the provider is off. */
        Optional<String> key();
    }

    interface Worker {
        /** How long one instance holds a generation it advances before another may take it over. */
        @WithDefault("PT2M")
        Duration lease();

        /** How often a provider job is asked after. */
        @WithDefault("PT5S")
        Duration pollInterval();

        /** The longest the worker sleeps before it looks for due generations written by other instances. */
        @WithDefault("PT30S")
        Duration maxSleep();

        /** Generations advanced at once by one instance. */
        @WithDefault("16")
        int maxInFlight();

        /** Attempts on one model (a 5xx, a timeout) before the shot moves on to the next model that fits. */
        @WithDefault("2")
        int attemptsPerModel();

        /** How long a shot may stay with its provider before it counts as timed out and moves on. */
        @WithDefault("PT30M")
        Duration shotTimeout();

        /** How long a hand-off to ingest-service (out of reach, or answering 5xx) is tried before the generation fails. */
        @WithDefault("PT1H")
        Duration handoffDeadline();
    }

    interface Coach {
        String baseUrl();

        /** The base64url pair key studio-service shares with coach-service; empty: briefs and plans are unreadable. */
        Optional<String> callKey();
    }

    interface Assembly {
        /** The short side of an assembled video or still, in pixels (1080 gives 1080×1920 for 9:16, 1080×1350 for 4:5). */
        @WithDefault("1080")
        int shortSide();

        /** Frames per second of an assembled video. */
        @WithDefault("30")
        int frameRate();

        /** Integrated loudness the audio is normalised to, in LUFS (social platforms play at about -14). */
        @WithDefault("-14")
        double loudness();
    }
}
