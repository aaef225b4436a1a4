package io.contentfactory.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The owning service of each public resource: {@code /v1/<resource>/...} is forwarded to its base URL. */
@ConfigMapping(prefix = "factory.gateway.upstream")
public interface Upstreams {

    @WithParentName
    Map<String, URI> routes();

    default Optional<URI> ownerOf(String path) {
        if (!path.startsWith("/v1/")) {
            return Optional.empty();
        }
        String rest = path.substring(4);
        int slash = rest.indexOf('/');
        String resource = slash < 0 ? rest : rest.substring(0, slash);
        int colon = resource.indexOf(':');
        return Optional.ofNullable(routes().get(colon < 0 ? resource : resource.substring(0, colon)));
    }
}
