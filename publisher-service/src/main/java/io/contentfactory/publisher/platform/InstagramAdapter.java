package io.contentfactory.publisher.platform;

import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.Platform;
import io.contentfactory.publisher.domain.LivePost;
import io.contentfactory.publisher.domain.PublishFailure;
import io.contentfactory.publisher.domain.PublishRequest;
import io.contentfactory.publisher.domain.QuotaLedger;
import io.contentfactory.publisher.domain.TokenGrant;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Instagram's container flow: the container is created (image or reel) and its id stored; its {@code status_code}
 * is polled until {@code FINISHED}; {@code media_publish} is called once; the permalink is read. A container that is
 * already {@code PUBLISHED}, or a publish whose answer never came, is reconciled by asking Instagram instead of being
 * published again. Once {@code media_publish} was sent or the container seen {@code PUBLISHED}, every failure is
 * {@link PublishFailure.Evidence#OUTCOME_UNKNOWN}: the runner then reconciles this container, never a new one.
 */
@ApplicationScoped
public class InstagramAdapter implements PlatformAdapter {

    private static final Logger LOG = Logger.getLogger(InstagramAdapter.class);

    private final InstagramClient instagram;
    private final InstagramConfig config;
    private final Vertx vertx;

    InstagramAdapter(InstagramClient instagram, InstagramConfig config, Vertx vertx) {
        this.instagram = instagram;
        this.config = config;
        this.vertx = vertx;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public Uni<Optional<Instant>> quotaWait(PublishRequest request, String token, QuotaLedger ledger) {
        return instagram.publishingQuota(request.accountId(), token).map(quota -> {
            if (!quota.exhausted()) {
                return Optional.empty();
            }
            LOG.infof(
                    "job %s waits for account %s's publishing quota (%d of %d used)",
                    request.jobId(), request.accountId(), quota.used(), quota.total());
            return Optional.of(Instant.now().plus(config.quotaRecheck()));
        });
    }

    /**
     * A single image or reel is one container. A carousel is an item container per item, all polled until
     * {@code FINISHED}, then the carousel container over them: its id is the one stored. Item containers left over by
     * a crash are never published and expire.
     */
    @Override
    public Uni<String> start(PublishRequest request, String token) {
        if (request.carousel().isEmpty()) {
            return instagram.createContainer(
                    request.accountId(),
                    token,
                    request.mediaType() == MediaType.VIDEO,
                    request.mediaUrl(),
                    request.caption());
        }
        return Multi.createFrom()
                .iterable(request.carousel())
                .onItem()
                .transformToUniAndConcatenate(item -> instagram.createCarouselItem(
                        request.accountId(), token, item.mediaType() == MediaType.VIDEO, item.mediaUrl()))
                .collect()
                .asList()
                .call(children -> Uni.join()
                        .all(children.stream()
                                .map(child -> awaitFinished(child, token))
                                .toList())
                        .andFailFast())
                .chain(children -> instagram.createCarousel(request.accountId(), token, children, request.caption()));
    }

    @Override
    public Uni<LivePost> complete(PublishRequest request, String token, String containerId) {
        return awaitFinished(containerId, token)
                .chain(status -> "PUBLISHED".equals(status)
                        ? reconcile(request, token, containerId)
                        : publishOnce(request, token, containerId))
                .chain(mediaId -> instagram
                        .permalink(mediaId, token)
                        .map(permalink -> new LivePost(mediaId, permalink))
                        .onFailure()
                        .transform(failure -> PublishFailure.outcomeUnknown(failure, "publish")));
    }

    @Override
    public Uni<TokenGrant> refresh(String accessToken, String refreshToken) {
        return instagram.refreshToken(accessToken);
    }

    /** FINISHED or PUBLISHED; ERROR and EXPIRED are failures (an expired container is retried from scratch). */
    private Uni<String> awaitFinished(String containerId, String token) {
        Map<String, Object> details = Map.of("container_id", containerId);
        return Poller.until(
                vertx,
                config.poll(),
                "container",
                details,
                () -> instagram.containerStatus(containerId, token).map(status -> switch (status) {
                    case "FINISHED", "PUBLISHED" -> Optional.of(status);
                    case "IN_PROGRESS" -> Optional.<String>empty();
                    default ->
                        throw new PublishFailure(
                                "container_" + status.toLowerCase(),
                                "container " + containerId + " ended in status " + status,
                                "poll",
                                "EXPIRED".equals(status),
                                Map.of("container_id", containerId, "status_code", status),
                                PublishFailure.Evidence.NOTHING_LIVE);
                }));
    }

    /**
     * The publish call is never repeated blindly: when its answer does not come, the container's status tells whether
     * the post went out (then it is reconciled) or not (then the job fails, retryable, and a new job starts over).
     */
    private Uni<String> publishOnce(PublishRequest request, String token, String containerId) {
        return instagram
                .publish(request.accountId(), token, containerId)
                .onFailure(PublishFailure::isUnanswered)
                .recoverWithUni(failure -> instagram
                        .containerStatus(containerId, token)
                        .chain(status -> "PUBLISHED".equals(status)
                                ? reconcile(request, token, containerId)
                                : Uni.createFrom().<String>failure(failure))
                        .onFailure()
                        .transform(unknown -> PublishFailure.outcomeUnknown(unknown, "publish")));
    }

    /**
     * Finds the post a published container became: the account's newest media with exactly the caption this job
     * sent, published after the job was created. Instagram does not link a container to its media.
     */
    private Uni<String> reconcile(PublishRequest request, String token, String containerId) {
        return instagram
                .recentMedia(request.accountId(), token)
                .onFailure()
                .transform(failure -> PublishFailure.outcomeUnknown(failure, "publish"))
                .map(media -> media.stream()
                        .filter(item -> item.caption().equals(request.caption())
                                && !item.timestamp()
                                        .isBefore(request.createdAt().minusSeconds(60)))
                        .findFirst()
                        .map(item -> {
                            LOG.infof(
                                    "job %s: container %s was published as %s; reconciled",
                                    request.jobId(), containerId, item.id());
                            return item.id();
                        })
                        .orElseThrow(() -> new PublishFailure(
                                "publish_unconfirmed",
                                "container " + containerId
                                        + " is PUBLISHED but no post of the account matches this job's caption yet",
                                "publish",
                                true,
                                Map.of("container_id", containerId),
                                PublishFailure.Evidence.OUTCOME_UNKNOWN)));
    }
}
