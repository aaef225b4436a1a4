package io.contentfactory.kit.db;

import static io.contentfactory.kit.db.DatabaseConfig.quoted;

import io.contentfactory.kit.ServiceConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prepares the service's schema before anything else starts, in particular before Kafka consumers receive their
 * first event. As the owner it creates the roles (when it manages them), the schema, applies the Liquibase
 * changelog and grants the application and system roles what they need: data access, never ownership.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);
    private static final String CHANGELOG = "db/changelog.xml";

    private final ServiceConfig service;
    private final DatabaseConfig database;
    private final String jdbcUrl;

    SchemaMigrator(
            ServiceConfig service,
            DatabaseConfig database,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.service = service;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        migrate();
    }

    public void migrate() {
        if (database.createIfMissing()) {
            createDatabaseIfMissing();
        }
        try (Connection owner = connectAsOwner(jdbcUrl)) {
            // Instances of one service starting together take turns; Liquibase has its own lock, grants do not.
            execute(owner, "select pg_advisory_lock(hashtext('schema:" + service.schema() + "'))");
            if (database.manageRoles()) {
                ensureRoles(owner);
            }
            execute(owner, "create schema if not exists " + service.schema());
            applyChangelog(owner);
            owner.setAutoCommit(true);
            grantDataAccess(owner);
            refuseRoleThatBypassesPolicies(owner);
        } catch (SQLException e) {
            throw new IllegalStateException("preparing schema " + service.schema() + " failed", e);
        }
        LOG.infof(
                "schema %s is up to date; the application connects as %s",
                service.schema(), database.app().username());
    }

    private Connection connectAsOwner(String url) throws SQLException {
        return DriverManager.getConnection(
                url, database.owner().username(), database.owner().password().orElse(""));
    }

    /** For a fresh local stack: every service may race to create the database, so "already exists" is fine. */
    private void createDatabaseIfMissing() {
        int slash = jdbcUrl.lastIndexOf('/');
        String name = jdbcUrl.substring(slash + 1).replaceFirst("\\?.*$", "");
        try (Connection connection = connectAsOwner(jdbcUrl.substring(0, slash + 1) + "postgres");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                execute(connection, "create database \"" + name.replace("\"", "") + "\"");
                LOG.infof("created database %s", name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    private void ensureRoles(Connection owner) throws SQLException {
        String app = quoted(database.app().username());
        String system = quoted(database.systemRole());
        createRoleIfMissing(
                owner, database.app().username(), "login noinherit nosuperuser nobypassrls nocreatedb nocreaterole");
        createRoleIfMissing(owner, database.systemRole(), "nologin nosuperuser nobypassrls");
        if (database.app().password().isPresent()) {
            try (PreparedStatement literal = owner.prepareStatement("select quote_literal(?)")) {
                literal.setString(1, database.app().password().get());
                var result = literal.executeQuery();
                result.next();
                execute(owner, "alter role " + app + " password " + result.getString(1));
            }
        }
        // NOINHERIT: policies written for the system role would otherwise apply to its members as well. The
        // application reaches them only through an explicit SET LOCAL ROLE.
        execute(owner, "alter role " + app + " noinherit");
        execute(owner, "grant " + system + " to " + app);
    }

    /** Roles are cluster-wide: a service of another database may create the same role at the same moment. */
    private static void createRoleIfMissing(Connection owner, String role, String options) throws SQLException {
        if (roleExists(owner, role)) {
            return;
        }
        try {
            execute(owner, "create role " + quoted(role) + " " + options);
            LOG.infof("created role %s", role);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static boolean roleExists(Connection owner, String role) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            statement.setString(1, role);
            return statement.executeQuery().next();
        }
    }

    /**
     * Runs the changelog on the owner's connection. Changesets read {@code ${app_role}} and {@code ${system_role}}:
     * the tenant policies apply to the first, the see-everything policies to the second.
     */
    private void applyChangelog(Connection owner) throws SQLException {
        try {
            Database target =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(owner));
            target.setDefaultSchemaName(service.schema());
            target.setLiquibaseSchemaName(service.schema());
            Liquibase liquibase = new Liquibase(
                    CHANGELOG,
                    new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()),
                    target);
            liquibase.setChangeLogParameter("app_role", database.app().username());
            liquibase.setChangeLogParameter("system_role", database.systemRole());
            liquibase.update(new Contexts(), new LabelExpression());
        } catch (liquibase.exception.LiquibaseException e) {
            throw new IllegalStateException("migration of schema " + service.schema() + " failed", e);
        }
    }

    private void grantDataAccess(Connection owner) throws SQLException {
        String schema = service.schema();
        String roles = quoted(database.app().username()) + ", " + quoted(database.systemRole());
        execute(owner, "grant usage on schema " + schema + " to " + roles);
        execute(owner, "grant select, insert, update, delete on all tables in schema " + schema + " to " + roles);
        execute(owner, "grant usage, select on all sequences in schema " + schema + " to " + roles);
        execute(
                owner,
                "revoke all on " + schema + ".databasechangelog, " + schema + ".databasechangeloglock from " + roles);
    }

    /** Row-level security is void for a role that bypasses it or inherits the system role's policies: refuse to run so. */
    private void refuseRoleThatBypassesPolicies(Connection owner) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(
                "select rolsuper or rolbypassrls or pg_has_role(rolname, ?, 'usage') from pg_roles where rolname = ?")) {
            statement.setString(1, database.systemRole());
            statement.setString(2, database.app().username());
            var result = statement.executeQuery();
            if (!result.next()) {
                throw new IllegalStateException(
                        "application role " + database.app().username() + " does not exist;"
                                + " create it or set factory.db.manage-roles=true");
            }
            if (result.getBoolean(1)) {
                throw new IllegalStateException(
                        "application role " + database.app().username()
                                + " is a superuser, has BYPASSRLS or inherits the system role: row-level security would not apply to it");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
