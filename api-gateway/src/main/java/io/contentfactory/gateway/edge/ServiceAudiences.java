package io.contentfactory.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/** Which service owns each public resource: the audience of the internal tokens sent with its requests. */
@ConfigMapping(prefix = "factory.gateway.audience")
public interface ServiceAudiences {

    @WithParentName
    Map<String, String> byResource();
}
