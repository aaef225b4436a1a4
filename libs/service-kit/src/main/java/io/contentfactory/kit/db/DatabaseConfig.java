package io.contentfactory.kit.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who talks to PostgreSQL, and as whom.
 *
 * <p>The owner runs migrations and owns every table. The application connects as its own login role, which owns
 * nothing and has no BYPASSRLS, so row-level security applies to it. Work that spans tenants by design (timer
 * claims, the outbox relay, key lookup before the tenant is known) switches, inside its transaction only, to the
 * service's system role, a NOLOGIN role granted to the application role.
 */
@ConfigMapping(prefix = "factory.db")
public interface DatabaseConfig {

    Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    String host();

    int port();

    String name();

    @WithName("create-if-missing")
    boolean createIfMissing();

    Credentials owner();

    Credentials app();

    /** The NOLOGIN role whose policies see every tenant's rows. */
    String systemRole();

    /** Create the application and system roles when missing; off where an operator manages roles. */
    boolean manageRoles();

    interface Credentials {
        String username();

        Optional<String> password();
    }

    /** A role name from configuration, checked and quoted for SQL. */
    static String quoted(String role) {
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("not a valid role name: " + role);
        }
        return "\"" + role + "\"";
    }
}
