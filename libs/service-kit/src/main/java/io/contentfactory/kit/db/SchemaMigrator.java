package io.contentfactory.kit.db;

import io.agroal.api.AgroalDataSource;
import io.contentfactory.kit.ServiceConfig;
import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Liquibase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the service's own schema and applies its Liquibase changelog before anything else starts,
 * in particular before Kafka consumers receive their first event.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final AgroalDataSource dataSource;
    private final LiquibaseFactory liquibaseFactory;
    private final ServiceConfig service;

    private final boolean createDatabase;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    SchemaMigrator(AgroalDataSource dataSource, LiquibaseFactory liquibaseFactory, ServiceConfig service,
            @ConfigProperty(name = "factory.db.create-if-missing", defaultValue = "false") boolean createDatabase,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.dataSource = dataSource;
        this.liquibaseFactory = liquibaseFactory;
        this.service = service;
        this.createDatabase = createDatabase;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password.orElse("");
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        migrate();
    }

    public void migrate() {
        if (createDatabase) {
            createDatabaseIfMissing();
        }
        createSchema();
        try (Liquibase liquibase = liquibaseFactory.createLiquibase()) {
            liquibase.update(liquibaseFactory.createContexts(), liquibaseFactory.createLabels());
        } catch (Exception e) {
            throw new IllegalStateException("migration of schema " + service.schema() + " failed", e);
        }
        LOG.infof("schema %s is up to date", service.schema());
    }

    /** For a fresh local stack: every service may race to create the database, so "already exists" is fine. */
    private void createDatabaseIfMissing() {
        int slash = jdbcUrl.lastIndexOf('/');
        String name = jdbcUrl.substring(slash + 1).replaceFirst("\\?.*$", "");
        String adminUrl = jdbcUrl.substring(0, slash + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'").next()) {
                statement.execute("create database \"" + name.replace("\"", "") + "\"");
                LOG.infof("created database %s", name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    private void createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + service.schema());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + service.schema(), e);
        }
    }
}
