package io.contentfactory.sandbox.instagram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.contentfactory.sandbox.audience.AudienceModel;
import io.contentfactory.sandbox.audience.Engagement;
import io.contentfactory.sandbox.common.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state of a simulated Instagram: media containers that process for a while before they can be published,
 * published media with permalinks, and insights that grow with a post's age. Kept in memory: the sandbox is a
 * stand-in for someone else's platform, not part of our durable state.
 */
@ApplicationScoped
public class InstagramSandbox {

    private final InstagramConfig config;
    private final Map<String, Integer> limitOverrides = new ConcurrentHashMap<>();
    private final Map<String, Duration> processingOverrides = new ConcurrentHashMap<>();
    private final Map<String, Duration> insightsDelays = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> reads = new ConcurrentHashMap<>();
    private final Map<String, Integer> forcedUsage = new ConcurrentHashMap<>();
    private final String publicBaseUrl;
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final Map<String, PublishedMedia> media = new ConcurrentHashMap<>();
    /** Each account's media in publish order, guarded by this sandbox's lock: the quota counts from its tail. */
    private final Map<String, List<PublishedMedia>> mediaByAccount = new java.util.HashMap<>();

    private final AtomicLong ids = new AtomicLong(17_841_000_000_000_000L);

    /** Instagram's long-lived tokens last 60 days, and a refresh gives another 60. */
    static final Duration LONG_LIVED = Duration.ofDays(60);

    private final Tokens tokens = new Tokens("IG");

    private final AudienceModel audiences;

    InstagramSandbox(
            InstagramConfig config,
            AudienceModel audiences,
            @ConfigProperty(name = "sandbox.public-base-url") String publicBaseUrl) {
        this.config = config;
        this.audiences = audiences;
        this.publicBaseUrl = publicBaseUrl;
        config.accounts().forEach(tokens::seed);
    }

    public void authorize(String accountId, String accessToken) {
        if (!tokens.accountOf(accessToken).map(accountId::equals).orElse(false)) {
            throw GraphError.invalidToken();
        }
    }

    /** Any known account's token may read any object, as a token with the right permissions can. */
    public void authorizeRead(String accessToken) {
        if (tokens.accountOf(accessToken).isEmpty()) {
            throw GraphError.invalidToken();
        }
    }

    /** A long-lived token for an account, as the Instagram Login flow ends with; Instagram has no refresh tokens. */
    public Tokens.Issued grant(String accountId, Duration ttl) {
        Tokens.Issued issued = tokens.grant(accountId, ttl);
        return new Tokens.Issued(accountId, issued.accessToken(), null, issued.expiresIn());
    }

    public Optional<String> accountOf(String accessToken) {
        return tokens.accountOf(accessToken);
    }

    /** {@code ig_refresh_token}: an unexpired long-lived token is exchanged for a new one. */
    public Tokens.Issued refresh(String accessToken) {
        return tokens.exchange(accessToken, LONG_LIVED).orElseThrow(GraphError::invalidToken);
    }

    /**
     * @param forcedEnd {@code ERROR} or {@code EXPIRED} for a container that will end so (an armed fault), else null
     */
    public Container createContainer(
            String accountId, String mediaType, String mediaUrl, String caption, String forcedEnd) {
        return createContainer(accountId, mediaType, mediaUrl, caption, forcedEnd, false, List.of());
    }

    /** An item of a future carousel ({@code is_carousel_item=true}): it can only be published through one. */
    public Container createCarouselItem(String accountId, String mediaType, String mediaUrl, String forcedEnd) {
        return createContainer(accountId, mediaType, mediaUrl, "", forcedEnd, true, List.of());
    }

    /**
     * A carousel container over 2 to 10 finished item containers of the account, as {@code media_type=CAROUSEL}
     * with {@code children} requires.
     */
    public synchronized Container createCarousel(
            String accountId, List<String> children, String caption, String forcedEnd) {
        if (children.size() < 2 || children.size() > 10) {
            throw new GraphError(
                    400, "OAuthException", 100, 2207052, "children must list 2 to 10 carousel item containers");
        }
        Instant now = Instant.now();
        for (String child : children) {
            Container item = containers.get(child);
            if (item == null || !item.accountId().equals(accountId) || !item.carouselItem()) {
                throw new GraphError(
                        400,
                        "OAuthException",
                        100,
                        2207052,
                        "child " + child + " is not a carousel item container of this account");
            }
            if (!"FINISHED".equals(item.status(now))) {
                throw new GraphError(
                        400,
                        "OAuthException",
                        9007,
                        2207027,
                        "child " + child + " is " + item.status(now) + ", not FINISHED");
            }
        }
        String firstUrl = containers.get(children.get(0)).mediaUrl();
        return createContainer(accountId, "CAROUSEL_ALBUM", firstUrl, caption, forcedEnd, false, List.copyOf(children));
    }

    private Container createContainer(
            String accountId,
            String mediaType,
            String mediaUrl,
            String caption,
            String forcedEnd,
            boolean carouselItem,
            List<String> children) {
        Duration processing = processingOverrides.getOrDefault(
                accountId, "IMAGE".equals(mediaType) ? config.imageProcessing() : config.videoProcessing());
        Instant now = Instant.now();
        Instant expiresAt = "EXPIRED".equals(forcedEnd) ? now.plus(processing) : now.plus(config.containerTtl());
        Container container = new Container(
                nextId(),
                accountId,
                mediaType,
                mediaUrl,
                caption == null ? "" : caption,
                now,
                now.plus(processing),
                expiresAt,
                null,
                "ERROR".equals(forcedEnd),
                carouselItem,
                children);
        containers.put(container.id(), container);
        return container;
    }

    public Optional<Container> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    public Optional<PublishedMedia> media(String id) {
        return Optional.ofNullable(media.get(id));
    }

    public synchronized PublishedMedia publish(String accountId, String containerId) {
        Container container = containers.get(containerId);
        if (container == null || !container.accountId().equals(accountId)) {
            throw GraphError.unknownObject(containerId);
        }
        if (container.carouselItem()) {
            throw new GraphError(
                    400, "OAuthException", 100, 2207053, "A carousel item container cannot be published on its own");
        }
        switch (container.status(Instant.now())) {
            case "IN_PROGRESS" -> throw GraphError.notReady();
            case "EXPIRED" -> throw GraphError.expired();
            case "ERROR" ->
                throw new GraphError(
                        400,
                        "OAuthException",
                        9007,
                        2207027,
                        "The media container " + containerId + " failed processing and cannot be published");
            case "PUBLISHED" ->
                throw new GraphError(
                        400,
                        "OAuthException",
                        9007,
                        2207008,
                        "The media container " + containerId + " has already been published");
            default -> {}
        }
        if (publishedInLastDay(accountId) >= publishLimit(accountId)) {
            throw GraphError.publishLimit(publishLimit(accountId));
        }
        PublishedMedia published = live(
                accountId,
                containerId,
                container.mediaType(),
                container.mediaUrl(),
                container.caption(),
                Instant.now());
        containers.put(containerId, container.publishedAs(published.id()));
        return published;
    }

    /**
     * Media live at once since {@code at}, without the publishing flow or its limit: for tests and benchmarks of
     * reading metrics, which need many posts and no media server.
     */
    public synchronized PublishedMedia publishDirectly(String accountId, String mediaType, String caption, Instant at) {
        return live(accountId, null, mediaType, null, caption, at);
    }

    private PublishedMedia live(
            String accountId, String containerId, String mediaType, String mediaUrl, String caption, Instant at) {
        String id = nextId();
        String shortcode = Long.toString(Long.parseLong(id), 36).toUpperCase();
        boolean video = "REELS".equals(mediaType) || "VIDEO".equals(mediaType);
        Engagement engagement = audiences.engagement(accountId, id, audiences.features(caption, mediaUrl, video, at));
        PublishedMedia published = new PublishedMedia(
                id,
                accountId,
                containerId,
                mediaType,
                mediaUrl,
                caption,
                publicBaseUrl + "/sandbox/instagram/p/" + shortcode + "/",
                shortcode,
                at,
                engagement);
        media.put(id, published);
        mediaByAccount.computeIfAbsent(accountId, account -> new ArrayList<>()).add(published);
        return published;
    }

    /**
     * Moves a post's publish time {@code by} into the past, as if it had been live that much longer: its insights and
     * comments are those of an older post. For tests that need a post with history, without waiting for it.
     */
    public synchronized Optional<PublishedMedia> backdate(String mediaId, Duration by) {
        PublishedMedia current = media.get(mediaId);
        if (current == null) {
            return Optional.empty();
        }
        PublishedMedia older = current.publishedAt(current.timestamp().minus(by));
        media.put(mediaId, older);
        List<PublishedMedia> ofAccount = mediaByAccount.get(current.accountId());
        ofAccount.set(ofAccount.indexOf(current), older);
        return Optional.of(older);
    }

    public List<PublishedMedia> allMedia() {
        List<PublishedMedia> list = new ArrayList<>(media.values());
        list.sort(Comparator.comparing(PublishedMedia::timestamp));
        return list;
    }

    public Optional<PublishedMedia> byShortcode(String shortcode) {
        return media.values().stream()
                .filter(m -> m.shortcode().equals(shortcode))
                .findFirst();
    }

    /** An account's read budget used, as Meta reports it, and when it is over. */
    public record Usage(int percent, boolean over, long minutesToRegainAccess) {}

    /**
     * Counts one read call of the account against its rolling hour and answers the budget used: the calls' share
     * of {@code reads-per-hour}, or a test's forced share if higher (a forced share never refuses a call).
     */
    public Usage read(String accountId) {
        Deque<Instant> calls = reads.computeIfAbsent(accountId, account -> new ArrayDeque<>());
        Instant now = Instant.now();
        synchronized (calls) {
            Instant hourAgo = now.minus(Duration.ofHours(1));
            while (!calls.isEmpty() && calls.peekFirst().isBefore(hourAgo)) {
                calls.pollFirst();
            }
            int budget = config.readsPerHour();
            if (calls.size() >= budget) {
                long minutes = Math.max(
                        1,
                        Duration.between(now, calls.peekFirst().plus(Duration.ofHours(1)))
                                .toMinutes());
                return new Usage(100, true, minutes);
            }
            calls.addLast(now);
            int used = (int) (100L * calls.size() / budget);
            return new Usage(Math.max(used, forcedUsage.getOrDefault(accountId, 0)), false, 0);
        }
    }

    /** Makes the account's reads report {@code percent} of the budget used (0 to 100), whatever they really use. */
    public void forceUsage(String accountId, int percent) {
        forcedUsage.put(accountId, percent);
    }

    /** The account's rolling 24 h publishing limit: the configured one, or a test's override. */
    public int publishLimit(String accountId) {
        return limitOverrides.getOrDefault(accountId, config.publishLimit());
    }

    /** How long the account's containers process, whatever their media: for tests and benchmarks. */
    /**
     * Insights lag: until a post (named by its media id, or all of an account's) is {@code delay} old, its insights
     * answer an empty {@code data}, as Meta's do while the numbers are not ready (up to 48 h).
     */
    public void delayInsights(String mediaOrAccountId, Duration delay) {
        insightsDelays.put(mediaOrAccountId, delay);
    }

    public boolean insightsReady(PublishedMedia media, Instant now) {
        Duration delay = insightsDelays.getOrDefault(
                media.id(), insightsDelays.getOrDefault(media.accountId(), config.insightsDelay()));
        return !now.isBefore(media.timestamp().plus(delay));
    }

    public void overrideProcessing(String accountId, Duration processing) {
        processingOverrides.put(accountId, processing);
    }

    public void overridePublishLimit(String accountId, int limit) {
        limitOverrides.put(accountId, limit);
    }

    /** The account's media, newest first. */
    public synchronized List<PublishedMedia> mediaOf(String accountId) {
        List<PublishedMedia> newestFirst = new ArrayList<>(mediaByAccount.getOrDefault(accountId, List.of()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Posts the account published in the last 24 hours: found by bisecting its media, which are in publish order. */
    public synchronized long publishedInLastDay(String accountId) {
        List<PublishedMedia> published = mediaByAccount.getOrDefault(accountId, List.of());
        Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
        int low = 0;
        int high = published.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (published.get(middle).timestamp().isAfter(dayAgo)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return published.size() - low;
    }

    private String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /**
     * @param fails        processing ends in {@code ERROR}
     * @param carouselItem an item of a carousel, publishable only through it
     * @param children     a carousel's item containers, in order
     */
    public record Container(
            String id,
            String accountId,
            String mediaType,
            String mediaUrl,
            String caption,
            Instant createdAt,
            Instant readyAt,
            Instant expiresAt,
            String publishedMediaId,
            boolean fails,
            boolean carouselItem,
            List<String> children) {

        /** One of the documented {@code status_code} values. */
        public String status(Instant now) {
            if (publishedMediaId != null) {
                return "PUBLISHED";
            }
            if (!now.isBefore(expiresAt)) {
                return "EXPIRED";
            }
            if (now.isBefore(readyAt)) {
                return "IN_PROGRESS";
            }
            return fails ? "ERROR" : "FINISHED";
        }

        Container publishedAs(String mediaId) {
            return new Container(
                    id,
                    accountId,
                    mediaType,
                    mediaUrl,
                    caption,
                    createdAt,
                    readyAt,
                    expiresAt,
                    mediaId,
                    fails,
                    carouselItem,
                    children);
        }
    }

    public record PublishedMedia(
            String id,
            String accountId,
            String containerId,
            String mediaType,
            String mediaUrl,
            String caption,
            String permalink,
            String shortcode,
            Instant timestamp,
            @JsonIgnore Engagement engagement) {

        PublishedMedia publishedAt(Instant at) {
            return new PublishedMedia(
                    id, accountId, containerId, mediaType, mediaUrl, caption, permalink, shortcode, at, engagement);
        }

        /** A reel's product type; feed images and carousel albums are FEED. */
        public boolean isReel() {
            return "REELS".equals(mediaType);
        }

        /**
         * Lifetime insights as the account's audience gives them ({@link Engagement}): deterministic for the seed,
         * levelling off with the post's age. Only the metrics the media product type supports, as Meta answers: feed
         * images and carousel albums report follows and profile visits, reels their watch times (ms).
         */
        public Map<String, Long> insights(Instant now) {
            Engagement.Counters counters = engagement.at(timestamp, now);
            Map<String, Long> values = new java.util.LinkedHashMap<>();
            values.put("views", counters.views());
            values.put("reach", counters.reach());
            values.put("likes", counters.likes());
            values.put("comments", counters.comments());
            values.put("shares", counters.shares());
            values.put("saved", counters.saves());
            values.put(
                    "total_interactions",
                    counters.likes() + counters.comments() + counters.shares() + counters.saves());
            if (isReel()) {
                long averageMs = 4_000 + Math.floorMod(id.hashCode(), 3_000);
                values.put("ig_reels_avg_watch_time", averageMs);
                values.put("ig_reels_video_view_total_time", averageMs * counters.views());
            } else {
                values.put("follows", counters.follows());
                values.put("profile_visits", counters.profileVisits());
            }
            return values;
        }
    }
}
