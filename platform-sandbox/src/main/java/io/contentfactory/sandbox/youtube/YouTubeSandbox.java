package io.contentfactory.sandbox.youtube;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.contentfactory.sandbox.audience.AudienceModel;
import io.contentfactory.sandbox.audience.Engagement;
import io.contentfactory.sandbox.common.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A simulated YouTube: resumable upload sessions that take bytes in order, videos that process for a while after
 * their last byte, a daily upload quota per channel (its day ends at midnight Pacific), and Google OAuth tokens.
 */
@ApplicationScoped
public class YouTubeSandbox {

    static final Duration ACCESS_TTL = Duration.ofHours(1);
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final Tokens tokens = new Tokens("ya29");
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final Map<String, DailyUnits> unitsByChannel = new ConcurrentHashMap<>();
    private final Duration processing;
    private final int dailyUploads;
    private final int dailyUnits;
    private final Duration analyticsLag;
    private final AudienceModel audiences;

    YouTubeSandbox(
            @ConfigProperty(name = "sandbox.youtube.processing") Duration processing,
            @ConfigProperty(name = "sandbox.youtube.daily-uploads") int dailyUploads,
            @ConfigProperty(name = "sandbox.youtube.daily-units") int dailyUnits,
            @ConfigProperty(name = "sandbox.youtube.analytics-lag") Duration analyticsLag,
            AudienceModel audiences) {
        this.audiences = audiences;
        this.processing = processing;
        this.dailyUploads = dailyUploads;
        this.dailyUnits = dailyUnits;
        this.analyticsLag = analyticsLag;
    }

    /** Data API units a channel's client spent on one quota day. */
    private record DailyUnits(LocalDate day, int spent) {}

    /**
     * Spends {@code units} of the Data API's daily quota (reads cost 1 unit each): false, spending nothing, when the
     * day's quota would be exceeded. The quota day ends at midnight Pacific, as Google's does.
     */
    public boolean spendUnits(String channelId, int units) {
        LocalDate today = LocalDate.now(QUOTA_ZONE);
        boolean[] spent = {false};
        unitsByChannel.compute(channelId, (channel, current) -> {
            int before = current == null || !current.day().equals(today) ? 0 : current.spent();
            if (before + units > dailyUnits) {
                return new DailyUnits(today, before);
            }
            spent[0] = true;
            return new DailyUnits(today, before + units);
        });
        return spent[0];
    }

    /** Data API units the channel spent today. */
    public int unitsSpent(String channelId) {
        DailyUnits current = unitsByChannel.get(channelId);
        return current == null || !current.day().equals(LocalDate.now(QUOTA_ZONE)) ? 0 : current.spent();
    }

    /** Whether YouTube Analytics has data for the video yet: it lags {@code analytics-lag} behind its upload. */
    public boolean analyticsReady(Video video, Instant now) {
        return video.liveSeconds(now) > 0
                && !video.uploadedAt().plus(analyticsLag).isAfter(now);
    }

    /**
     * Moves a video's upload {@code by} into the past, as if it had been live that much longer: its statistics,
     * analytics and comments are those of an older video. For tests that need history without waiting for it.
     */
    public Optional<Video> backdate(String videoId, Duration by) {
        return Optional.ofNullable(videos.computeIfPresent(videoId, (id, video) -> video.uploadedEarlier(by)));
    }

    /** Deletes a video, as its owner would: every read of it finds nothing from then on. */
    public boolean delete(String videoId) {
        return videos.remove(videoId) != null;
    }

    /** An open resumable upload. */
    public static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final String channelId;
        final String title;
        final String description;
        final String privacyStatus;
        final boolean notifySubscribers;
        final boolean failsInProcessing;
        volatile long received;
        volatile long size = -1;
        volatile String firstContentType;
        volatile String videoId;

        Session(
                String channelId,
                String title,
                String description,
                String privacyStatus,
                boolean notifySubscribers,
                boolean failsInProcessing) {
            this.channelId = channelId;
            this.title = title;
            this.description = description;
            this.privacyStatus = privacyStatus;
            this.notifySubscribers = notifySubscribers;
            this.failsInProcessing = failsInProcessing;
        }
    }

    public record Video(
            String id,
            String channelId,
            String title,
            String description,
            String privacyStatus,
            boolean notifySubscribers,
            Instant uploadedAt,
            Instant processedAt,
            String failureReason,
            @JsonIgnore Engagement engagement) {

        public String uploadStatus(Instant now) {
            if (now.isBefore(processedAt)) {
                return "uploaded";
            }
            return failureReason == null ? "processed" : "failed";
        }

        /** Seconds the video has been watchable at {@code now}: zero until it processed. */
        long liveSeconds(Instant now) {
            return failureReason != null || now.isBefore(processedAt)
                    ? 0
                    : Duration.between(processedAt, now).toSeconds();
        }

        /** Lifetime counters at {@code now}, as the channel's audience gives them; none before it is watchable. */
        Engagement.Counters counters(Instant now) {
            return "processed".equals(uploadStatus(now))
                    ? engagement.at(processedAt, now)
                    : new Engagement.Counters(0, 0, 0, 0, 0, 0, 0, 0);
        }

        public long views(Instant now) {
            return counters(now).views();
        }

        public long likes(Instant now) {
            return counters(now).likes();
        }

        public long comments(Instant now) {
            return counters(now).comments();
        }

        /** Average seconds watched per view: fixed per video, 12 to 29 (a Short runs up to a minute). */
        public long averageViewDurationSeconds() {
            return 12 + Math.floorMod(id.hashCode() / 7, 18);
        }

        Video uploadedEarlier(Duration by) {
            return new Video(
                    id,
                    channelId,
                    title,
                    description,
                    privacyStatus,
                    notifySubscribers,
                    uploadedAt.minus(by),
                    processedAt.minus(by),
                    failureReason,
                    engagement);
        }
    }

    public Tokens.Issued grant(String channelId, Duration ttl) {
        return tokens.grant(channelId, ttl);
    }

    public Optional<Tokens.Issued> refresh(String refreshToken) {
        return tokens.refresh(refreshToken, ACCESS_TTL, false);
    }

    public Optional<String> accountOfRefresh(String refreshToken) {
        return tokens.accountOfRefresh(refreshToken);
    }

    public Optional<String> channelOf(String accessToken) {
        return tokens.accountOf(accessToken);
    }

    /** The channel an {@code Authorization: Bearer} header's token belongs to; 401 as Google answers otherwise. */
    public String channelOfBearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw GoogleError.unauthenticated();
        }
        return channelOf(authorization.substring(7).trim()).orElseThrow(GoogleError::unauthenticated);
    }

    /** False once the channel used its uploads of the current quota day. */
    public boolean hasQuota(String channelId) {
        Instant dayStart = LocalDate.now(QUOTA_ZONE).atStartOfDay(QUOTA_ZONE).toInstant();
        return videos.values().stream()
                        .filter(v -> v.channelId().equals(channelId)
                                && !v.uploadedAt().isBefore(dayStart))
                        .count()
                < dailyUploads;
    }

    public Session open(
            String channelId, String title, String description, String privacyStatus, boolean notify, boolean fails) {
        Session session = new Session(channelId, title, description, privacyStatus, notify, fails);
        sessions.put(session.id, session);
        return session;
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The last byte arrived: the video exists and starts processing. */
    public synchronized Video complete(Session session) {
        if (session.videoId != null) {
            return videos.get(session.videoId);
        }
        boolean playable = session.firstContentType != null && session.firstContentType.startsWith("video/");
        String failure = session.failsInProcessing ? "codec" : playable ? null : "invalidFile";
        Instant now = Instant.now();
        String id = newVideoId();
        Video video = new Video(
                id,
                session.channelId,
                session.title,
                session.description,
                session.privacyStatus,
                session.notifySubscribers,
                now,
                now.plus(processing),
                failure,
                engagement(session.channelId, id, session.title, now.plus(processing)));
        videos.put(video.id(), video);
        session.videoId = video.id();
        return video;
    }

    /** A processed public video at once, live since {@code liveSince}, without the upload flow: for metrics tests. */
    public Video directUpload(String channelId, String title, Instant liveSince) {
        String id = newVideoId();
        Video video = new Video(
                id,
                channelId,
                title,
                "",
                "public",
                false,
                liveSince,
                liveSince,
                null,
                engagement(channelId, id, title, liveSince));
        videos.put(video.id(), video);
        return video;
    }

    private Engagement engagement(String channelId, String videoId, String title, Instant liveAt) {
        return audiences.engagement(channelId, videoId, audiences.features(title, null, true, liveAt));
    }

    public Optional<Video> video(String id) {
        return Optional.ofNullable(videos.get(id));
    }

    public List<Video> videos() {
        List<Video> all = new ArrayList<>(videos.values());
        all.sort(Comparator.comparing(Video::uploadedAt));
        return all;
    }

    private static String newVideoId() {
        StringBuilder id = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 11; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
