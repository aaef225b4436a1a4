package io.contentfactory.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The owning service of each public resource: {@code /v1/<resource>/...} is forwarded to its base URL, with an
 * internal token addressed to the service named in {@code factory.gateway.audience.<resource>} (by default the
 * resource name itself). A sub-resource another service owns, {@code /v1/<resource>/<id>/<sub>...}, has a route of
 * its own named {@code <resource>-<sub>} ({@code media-analysis}: analysis-service answers for a media item's analysis),
 * and one level deeper {@code <resource>-<sub>-<subsub>} ({@code posts-targets-metrics}).
 */
@ConfigMapping(prefix = "factory.gateway.upstream")
public interface Upstreams {

    @WithParentName
    Map<String, URI> routes();

    /** Where {@code path} goes: the service's base URL and its name, the internal token's audience. */
    default Optional<Upstream> ownerOf(String path, Map<String, String> audiences) {
        return routeOf(path, routes()::containsKey)
                .flatMap(resource -> Optional.ofNullable(routes().get(resource))
                        .map(base -> new Upstream(base, audiences.getOrDefault(resource, resource))));
    }

    /**
     * The route that owns {@code path}: the deepest sub-resource that has a route of its own ({@code routed}), else
     * the resource.
     */
    static Optional<String> routeOf(String path, Predicate<String> routed) {
        return subSubResourceOf(path)
                .filter(routed)
                .or(() -> subResourceOf(path).filter(routed))
                .or(() -> resourceOf(path));
    }

    /**
     * {@code media-analysis} for {@code /v1/media/<id>/analysis} and below, {@code media-coach-summary} for {@code
     * /v1/media/<id>/coach-summary:refresh}; empty for a path without a sub-resource.
     */
    static Optional<String> subResourceOf(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 5
                || !"v1".equals(segments[1])
                || segments[2].isEmpty()
                || segments[3].isEmpty()
                || segments[4].isEmpty()) {
            return Optional.empty();
        }
        return resourceOf(path).map(resource -> resource + "-" + withoutAction(segments[4]));
    }

    /** {@code coach-summary} for {@code coach-summary:refresh}: a custom method belongs to its resource's route. */
    private static String withoutAction(String segment) {
        int colon = segment.indexOf(':');
        return colon < 0 ? segment : segment.substring(0, colon);
    }

    /**
     * {@code posts-targets-metrics} for {@code /v1/posts/<ref>/targets/<id>/metrics} and below; empty for a shallower
     * path.
     */
    static Optional<String> subSubResourceOf(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 7 || segments[5].isEmpty() || segments[6].isEmpty()) {
            return Optional.empty();
        }
        return subResourceOf(path).map(sub -> sub + "-" + segments[6]);
    }

    /** {@code media} for {@code /v1/media/...} and for {@code /v1/media:import}; {@code calendar} for {@code /v1/calendar.ics}. */
    static Optional<String> resourceOf(String path) {
        if (!path.startsWith("/v1/")) {
            return Optional.empty();
        }
        String rest = path.substring(4);
        int slash = rest.indexOf('/');
        String resource = slash < 0 ? rest : rest.substring(0, slash);
        int end = 0;
        while (end < resource.length() && resource.charAt(end) != ':' && resource.charAt(end) != '.') {
            end++;
        }
        return Optional.of(resource.substring(0, end));
    }

    record Upstream(URI base, String audience) {}
}
