package io.contentfactory.kit;

import io.smallrye.config.ConfigMapping;

/** Who this service is: its name (the CloudEvents source and consumer-group name) and the Postgres schema it owns. */
@ConfigMapping(prefix = "factory.service")
public interface ServiceConfig {
    String name();

    String schema();

    default String eventSource() {
        return "/content-factory/" + name();
    }

    /** A table of this service's schema, schema-qualified for native SQL. */
    default String table(String name) {
        return schema() + "." + name;
    }
}
