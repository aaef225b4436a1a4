package io.contentfactory.sandbox.youtube;

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
    private final Duration processing;
    private final int dailyUploads;

    YouTubeSandbox(
            @ConfigProperty(name = "sandbox.youtube.processing") Duration processing,
            @ConfigProperty(name = "sandbox.youtube.daily-uploads") int dailyUploads) {
        this.processing = processing;
        this.dailyUploads = dailyUploads;
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
            String failureReason) {

        public String uploadStatus(Instant now) {
            if (now.isBefore(processedAt)) {
                return "uploaded";
            }
            return failureReason == null ? "processed" : "failed";
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
        Video video = new Video(
                newVideoId(),
                session.channelId,
                session.title,
                session.description,
                session.privacyStatus,
                session.notifySubscribers,
                now,
                now.plus(processing),
                failure);
        videos.put(video.id(), video);
        session.videoId = video.id();
        return video;
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
