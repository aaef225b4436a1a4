package io.contentfactory.sandbox.tiktok;

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

/**
 * A simulated TikTok: creators (audited apps may post publicly, unaudited only SELF_ONLY), publishes that download
 * or receive their video and then process for a while, posts, and the per-token init rate limit.
 */
@ApplicationScoped
public class TikTokSandbox {

    /** TikTok access tokens last 24 hours. */
    static final Duration ACCESS_TTL = Duration.ofHours(24);

    private final TikTokConfig config;
    private final Tokens tokens = new Tokens("act");
    private final Map<String, Creator> creators = new ConcurrentHashMap<>();
    private final Map<String, Publish> publishes = new ConcurrentHashMap<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> inits = new ConcurrentHashMap<>();
    private final Deque<Instant> queries = new ArrayDeque<>();
    private final List<List<String>> queried = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(7_300_000_000_000_000_000L);

    private final AudienceModel audiences;

    TikTokSandbox(TikTokConfig config, AudienceModel audiences) {
        this.config = config;
        this.audiences = audiences;
        config.accounts().forEach((openId, token) -> {
            tokens.seed(openId, token);
            creators.put(openId, new Creator(openId, openId.replace('-', '.'), true));
        });
    }

    public record Creator(String openId, String username, boolean audited) {
        List<String> privacyLevels() {
            return List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");
        }
    }

    public record Post(
            String id,
            String openId,
            String username,
            String title,
            String privacyLevel,
            Instant publishedAt,
            @JsonIgnore Engagement engagement) {

        /** Lifetime counters as {@code /v2/video/query/} reports them, as the creator's audience gives them. */
        public Map<String, Long> counters(Instant now) {
            Engagement.Counters counters = engagement.at(publishedAt, now);
            Map<String, Long> reported = new java.util.LinkedHashMap<>();
            reported.put("view_count", counters.views());
            reported.put("like_count", counters.likes());
            reported.put("comment_count", counters.comments());
            reported.put("share_count", counters.shares());
            return reported;
        }
    }

    private Post newPost(String openId, String username, String title, String privacyLevel, Instant publishedAt) {
        String id = Long.toString(ids.incrementAndGet());
        Engagement engagement = audiences.engagement(openId, id, audiences.features(title, null, true, publishedAt));
        return new Post(id, openId, username, title, privacyLevel, publishedAt, engagement);
    }

    /** One publish: its video arrives (pulled or uploaded), then processes until {@code readyAt}. */
    public static final class Publish {
        final String id;
        final String openId;
        final String title;
        final String privacyLevel;
        final String source;
        final long size;
        volatile long received;
        volatile Instant readyAt;
        volatile String failReason;
        volatile String postId;
        final boolean failsInProcessing;

        Publish(
                String id,
                String openId,
                String title,
                String privacyLevel,
                String source,
                long size,
                boolean failsInProcessing) {
            this.id = id;
            this.openId = openId;
            this.title = title;
            this.privacyLevel = privacyLevel;
            this.source = source;
            this.size = size;
            this.failsInProcessing = failsInProcessing;
        }
    }

    public Tokens.Issued grant(String openId, String username, boolean audited, Duration ttl) {
        creators.put(openId, new Creator(openId, username == null ? openId.replace('-', '.') : username, audited));
        return tokens.grant(openId, ttl);
    }

    public Optional<Tokens.Issued> refresh(String refreshToken) {
        return tokens.refresh(refreshToken, ACCESS_TTL, true);
    }

    public Optional<String> accountOfRefresh(String refreshToken) {
        return tokens.accountOfRefresh(refreshToken);
    }

    public boolean knowsClient(String key, String secret) {
        return secret != null && secret.equals(config.clients().get(key));
    }

    public Creator creator(String bearer) {
        String openId = tokens.accountOf(bearer).orElseThrow(TikTokError::invalidToken);
        return creators.computeIfAbsent(openId, id -> new Creator(id, id, true));
    }

    /** Counts a video query against the endpoint's per-minute limit; false if it is over. */
    public boolean admitQuery() {
        return admit(queries, config.queriesPerMinute());
    }

    /** Publishes a post at once, without the posting flow: for tests that need a live video. */
    public Post directPost(String openId, String title, Instant publishedAt) {
        Creator creator = creators.computeIfAbsent(openId, id -> new Creator(id, id.replace('-', '.'), true));
        Post post = newPost(openId, creator.username(), title == null ? "" : title, "PUBLIC_TO_EVERYONE", publishedAt);
        posts.put(post.id(), post);
        return post;
    }

    /** What each video query asked for, in order: for tests of batching. */
    public List<List<String>> queries() {
        return List.copyOf(queried);
    }

    public void queried(List<String> videoIds) {
        queried.add(List.copyOf(videoIds));
    }

    /** Counts an init against the token's per-minute limit; false if it is over. */
    public boolean admitInit(String token) {
        return admit(inits.computeIfAbsent(token, t -> new ArrayDeque<>()), config.initsPerMinute());
    }

    /** A sliding one-minute window: admits a call and counts it, unless {@code limit} calls came in the last minute. */
    private static boolean admit(Deque<Instant> recent, int limit) {
        synchronized (recent) {
            Instant minuteAgo = Instant.now().minus(Duration.ofMinutes(1));
            while (!recent.isEmpty() && recent.peekFirst().isBefore(minuteAgo)) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                return false;
            }
            recent.addLast(Instant.now());
            return true;
        }
    }

    public Publish start(
            Creator creator, String title, String privacyLevel, String source, long size, boolean failsInProcessing) {
        Publish publish = new Publish(
                "v_pub_" + source.toLowerCase().replace("_from_", "_") + "~v2." + ids.incrementAndGet(),
                creator.openId(),
                title,
                privacyLevel,
                source,
                size,
                failsInProcessing);
        publishes.put(publish.id, publish);
        return publish;
    }

    public Optional<Publish> publish(String id) {
        return Optional.ofNullable(publishes.get(id));
    }

    /** Every byte is in: processing starts. */
    public void received(Publish publish) {
        publish.readyAt = Instant.now().plus(config.processing());
    }

    public void failed(Publish publish, String reason) {
        publish.failReason = reason;
    }

    /** The documented status of a publish; a processed one becomes a post the first time it is looked at. */
    public synchronized String status(Publish publish) {
        if (publish.failReason != null) {
            return "FAILED";
        }
        if (publish.readyAt == null) {
            return "PULL_FROM_URL".equals(publish.source) ? "PROCESSING_DOWNLOAD" : "PROCESSING_UPLOAD";
        }
        if (Instant.now().isBefore(publish.readyAt)) {
            return "PROCESSING_DOWNLOAD";
        }
        if (publish.failsInProcessing) {
            publish.failReason = "internal";
            return "FAILED";
        }
        if (publish.postId == null) {
            Creator creator = creators.get(publish.openId);
            Post post = newPost(publish.openId, creator.username(), publish.title, publish.privacyLevel, Instant.now());
            posts.put(post.id(), post);
            publish.postId = post.id();
        }
        return "PUBLISH_COMPLETE";
    }

    public Optional<Post> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    /** Every post that exists by now, including those no client has asked about since they finished. */
    public List<Post> posts() {
        publishes.values().forEach(this::status);
        List<Post> all = new ArrayList<>(posts.values());
        all.sort(Comparator.comparing(Post::publishedAt));
        return all;
    }
}
