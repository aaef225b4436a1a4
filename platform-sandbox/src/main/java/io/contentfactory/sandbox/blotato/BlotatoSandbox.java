package io.contentfactory.sandbox.blotato;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A simulated Blotato: submissions that fetch their media, wait a while, then are published or failed. */
@ApplicationScoped
public class BlotatoSandbox {

    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final Duration processing;
    private final String apiKey;
    private final String publicBaseUrl;

    BlotatoSandbox(
            @ConfigProperty(name = "sandbox.blotato.processing") Duration processing,
            @ConfigProperty(name = "sandbox.blotato.api-key") String apiKey,
            @ConfigProperty(name = "sandbox.public-base-url") String publicBaseUrl) {
        this.processing = processing;
        this.apiKey = apiKey;
        this.publicBaseUrl = publicBaseUrl;
    }

    public static final class Submission {
        public final String postSubmissionId = UUID.randomUUID().toString();
        public final String accountId;
        public final String platform;
        public final String text;
        public final List<String> mediaUrls;
        public final Instant submittedAt = Instant.now();
        public volatile Instant readyAt;
        public volatile String errorMessage;

        Submission(String accountId, String platform, String text, List<String> mediaUrls) {
            this.accountId = accountId;
            this.platform = platform;
            this.text = text;
            this.mediaUrls = mediaUrls;
        }

        public String status(Instant now) {
            if (errorMessage != null) {
                return "failed";
            }
            return readyAt != null && !now.isBefore(readyAt) ? "published" : "in-progress";
        }
    }

    public boolean validKey(String key) {
        return apiKey.equals(key);
    }

    public Submission submit(String accountId, String platform, String text, List<String> mediaUrls) {
        Submission submission = new Submission(accountId, platform, text, mediaUrls);
        submissions.put(submission.postSubmissionId, submission);
        return submission;
    }

    public void mediaFetched(Submission submission) {
        submission.readyAt = Instant.now().plus(processing);
    }

    public void fail(Submission submission, String message) {
        submission.errorMessage = message;
    }

    public Optional<Submission> submission(String id) {
        return Optional.ofNullable(submissions.get(id));
    }

    public String publicUrl(Submission submission) {
        return publicBaseUrl + "/blotato/p/" + submission.postSubmissionId;
    }

    public List<Submission> published() {
        Instant now = Instant.now();
        List<Submission> all = new ArrayList<>(submissions.values().stream()
                .filter(s -> "published".equals(s.status(now)))
                .toList());
        all.sort(Comparator.comparing(s -> s.submittedAt));
        return all;
    }
}
