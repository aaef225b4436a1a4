package io.contentfactory.publisher.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/**
 * Whether a platform connection may publish. The database's {@code platform_connections_status_check} lists the same
 * values in lower case ({@link #wire()}).
 */
public enum ConnectionStatus implements WireEnum {
    ACTIVE,
    /** Turned off by a person; turned on again by a person. */
    DISABLED,
    /** The platform refused its tokens: new ones make it active again. */
    NEEDS_REAUTH;

    /** A status a person may set through the API; needs_reauth is the platform's word only. */
    public boolean settable() {
        return this != NEEDS_REAUTH;
    }

    public static ConnectionStatus ofWire(String value) {
        return WireEnum.ofWire(ConnectionStatus.class, value);
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<ConnectionStatus> {
        public Column() {
            super(ConnectionStatus.class);
        }
    }
}
