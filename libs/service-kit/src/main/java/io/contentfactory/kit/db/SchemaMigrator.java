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
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Liquibase;
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

    SchemaMigrator(AgroalDataSource dataSource, LiquibaseFactory liquibaseFactory, ServiceConfig service) {
        this.dataSource = dataSource;
        this.liquibaseFactory = liquibaseFactory;
        this.service = service;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        migrate();
    }

    public void migrate() {
        createSchema();
        try (Liquibase liquibase = liquibaseFactory.createLiquibase()) {
            liquibase.update(liquibaseFactory.createContexts(), liquibaseFactory.createLabels());
        } catch (Exception e) {
            throw new IllegalStateException("migration of schema " + service.schema() + " failed", e);
        }
        LOG.infof("schema %s is up to date", service.schema());
    }

    private void createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + service.schema());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + service.schema(), e);
        }
    }
}
