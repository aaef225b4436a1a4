package io.contentfactory.scheduler.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.contracts.events.PostFormat;
import io.contentfactory.scheduler.config.SchedulerConfig;
import io.contentfactory.scheduler.domain.planning.PlanningPolicy;
import io.contentfactory.scheduler.domain.planning.PostingWindows;
import io.contentfactory.scheduler.domain.planning.SlotWeights;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a project's posts are planned: its IANA time zone, the local windows posting is allowed in, a daily cap per
 * platform, the accounts analysed media are queued for, whether posts need approval, and the hour-of-week weights
 * per platform (flat until metrics learn them).
 */
public record ScheduleSettings(
        ZoneId zone,
        PostingWindows windows,
        Map<Platform, Integer> dailyCaps,
        List<AutoTarget> autoTargets,
        boolean requireApproval,
        Map<Platform, SlotWeights> weights) {

    /** An account every analysed media item is queued for. */
    public record AutoTarget(Platform platform, String accountId) {
        /** The format this account posts a media item of this type in, if it posts that type at all. */
        public Optional<PostFormat> formatFor(MediaType type) {
            boolean image = type == MediaType.IMAGE;
            return switch (platform) {
                case INSTAGRAM, BLOTATO -> Optional.of(image ? PostFormat.FEED_IMAGE : PostFormat.REEL);
                case TIKTOK -> image ? Optional.empty() : Optional.of(PostFormat.TIKTOK_VIDEO);
                case YOUTUBE -> image ? Optional.empty() : Optional.of(PostFormat.SHORT);
            };
        }
    }

    /**
     * A project that never saved settings: UTC, always open, no caps, flat weights, and no auto-targets: nothing is
     * queued for an account until the project names it.
     */
    public static ScheduleSettings defaults() {
        return new ScheduleSettings(ZoneId.of("UTC"), PostingWindows.always(), Map.of(), List.of(), false, Map.of());
    }

    public static ScheduleSettings of(ProjectSettings stored) {
        if (stored == null) {
            return defaults();
        }
        List<AutoTarget> autoTargets = stored.autoTargetsJson == null
                ? List.<AutoTarget>of()
                : read(stored.autoTargetsJson, new TypeReference<List<AutoTarget>>() {});
        return new ScheduleSettings(
                ZoneId.of(stored.timeZone),
                windowsOf(stored.windowsJson),
                byPlatform(stored.dailyCapsJson, new TypeReference<Map<String, Integer>>() {}),
                autoTargets,
                stored.requireApproval,
                weightsOf(stored.weightsJson));
    }

    public void storeInto(ProjectSettings row) {
        row.timeZone = zone.getId();
        row.windowsJson = windows.equals(PostingWindows.always()) ? null : write(windowsAsText(windows));
        row.dailyCapsJson = dailyCaps.isEmpty() ? null : write(byName(dailyCaps));
        row.autoTargetsJson = write(autoTargets);
        Map<Platform, double[]> raw = new EnumMap<>(Platform.class);
        weights.forEach((platform, table) -> raw.put(platform, table.weights()));
        row.weightsJson = raw.isEmpty() ? null : write(byName(raw));
        row.requireApproval = requireApproval;
    }

    /** The planning rules of one queue on {@code platform}, with the service's gaps and horizon. */
    public PlanningPolicy policyFor(Platform platform, SchedulerConfig config) {
        Duration hour = config.planHour();
        return new PlanningPolicy(
                zone,
                windows,
                scale(hour, config.horizonHours()),
                scale(hour, config.minGapHours()),
                scale(hour, config.maxGapHours()),
                dailyCaps.getOrDefault(platform, 0),
                weights.getOrDefault(platform, SlotWeights.flat()),
                resolution(hour));
    }

    public static Map<String, List<String>> windowsAsText(PostingWindows windows) {
        Map<String, List<String>> text = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            text.put(
                    day.name().toLowerCase(Locale.ROOT),
                    windows.byDay().getOrDefault(day, List.of()).stream()
                            .map(PostingWindows.Range::toString)
                            .toList());
        }
        return text;
    }

    /** Days missing from the map are closed; an unknown day or a malformed range is an {@link IllegalArgumentException}. */
    public static PostingWindows windowsFromText(Map<String, List<String>> text) {
        Map<DayOfWeek, List<PostingWindows.Range>> byDay = new EnumMap<>(DayOfWeek.class);
        text.forEach((day, ranges) -> byDay.put(
                DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
                ranges.stream().map(PostingWindows.Range::parse).toList()));
        return new PostingWindows(byDay);
    }

    private static PostingWindows windowsOf(String json) {
        return json == null
                ? PostingWindows.always()
                : windowsFromText(read(json, new TypeReference<Map<String, List<String>>>() {}));
    }

    private static Map<Platform, SlotWeights> weightsOf(String json) {
        Map<Platform, SlotWeights> tables = new EnumMap<>(Platform.class);
        byPlatform(json, new TypeReference<Map<String, double[]>>() {})
                .forEach((platform, raw) -> tables.put(platform, new SlotWeights(raw)));
        return tables;
    }

    /** Stored maps are keyed by the platform's wire name ({@code instagram}). */
    private static <V> Map<Platform, V> byPlatform(String json, TypeReference<Map<String, V>> type) {
        Map<Platform, V> map = new EnumMap<>(Platform.class);
        if (json != null) {
            read(json, type).forEach((name, value) -> map.put(Platform.valueOf(name.toUpperCase(Locale.ROOT)), value));
        }
        return map;
    }

    private static <V> Map<String, V> byName(Map<Platform, V> map) {
        Map<String, V> named = new LinkedHashMap<>();
        map.forEach((platform, value) -> named.put(platform.name().toLowerCase(Locale.ROOT), value));
        return named;
    }

    /** A plan minute, in whole milliseconds: slots fall on whole minutes in production. */
    private static Duration resolution(Duration hour) {
        return Duration.ofMillis(Math.max(1, hour.dividedBy(60).toMillis()));
    }

    private static Duration scale(Duration hour, double hours) {
        return Duration.ofNanos(Math.round(hours * hour.toNanos()));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored planning settings are not readable", e);
        }
    }

    private static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
