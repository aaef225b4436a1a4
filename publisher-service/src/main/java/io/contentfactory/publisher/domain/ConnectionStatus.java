package io.contentfactory.publisher.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a platform connection may publish. The database's {@code platform_connections_status_check} lists the same
 * values in lower case ({@link #wire()}).
 */
public enum ConnectionStatus {
    ACTIVE,
    /** Turned off by a person; turned on again by a person. */
    DISABLED,
    /** The platform refused its tokens: new ones make it active again. */
    NEEDS_REAUTH;

    /** A status a person may set through the API; needs_reauth is the platform's word only. */
    public boolean settable() {
        return this != NEEDS_REAUTH;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionStatus ofWire(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no connection status '" + value + "'"));
    }

    /** Stores the status as its wire value. */
    @Converter
    public static class Column implements AttributeConverter<ConnectionStatus, String> {
        @Override
        public String convertToDatabaseColumn(ConnectionStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public ConnectionStatus convertToEntityAttribute(String value) {
            return value == null ? null : ofWire(value);
        }
    }
}
