package io.contentfactory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service's schema from the catalog and checks the rules of tenant isolation: the application role is not
 * a superuser, has no BYPASSRLS and owns no table; every table (except Liquibase's own) forces row-level security
 * with a tenant policy for the application role that wraps {@code current_setting('app.project_id')} in a
 * subquery; and every key and index starts with the tenant column, except the named ones, which serve work across
 * tenants by design.
 */
public final class RowLevelSecurityAudit {

    private static final Set<String> LIQUIBASE_TABLES = Set.of("databasechangelog", "databasechangeloglock");
    /** Ledgers the kit shares: the relay and the inbox look rows up by their own keys. */
    private static final Set<String> KIT_INDEXES =
            Set.of("outbox_pkey", "outbox_event_id_key", "outbox_unpublished_idx", "inbox_pkey");

    private RowLevelSecurityAudit() {}

    /**
     * @param tenantColumns tables whose tenant column is not {@code project_id} (the gateway's {@code projects.id})
     * @param crossTenantIndexes indexes that may start with another column, each with the reason
     */
    public static void assertIsolated(
            String schema, String appRole, Map<String, String> tenantColumns, Map<String, String> crossTenantIndexes)
            throws SQLException {
        try (Connection owner = PostgresResource.database().connect()) {
            assertRoleCannotBypass(owner, appRole);
            List<String> tables = tables(owner, schema);
            assertThat(tables).as("tables of schema %s", schema).isNotEmpty();
            for (String table : tables) {
                assertForcedWithTenantPolicy(
                        owner, schema, table, appRole, tenantColumns.getOrDefault(table, "project_id"));
            }
            assertIndexesLeadWithTenant(owner, schema, tenantColumns, crossTenantIndexes);
        }
    }

    private static void assertRoleCannotBypass(Connection owner, String appRole) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(
                "select rolsuper, rolbypassrls, (select count(*) from pg_class where relowner = r.oid),"
                        + " exists (select 1 from pg_roles s where s.rolname <> r.rolname and pg_has_role(r.oid, s.oid, 'usage')"
                        + "   and s.rolname like 'cf\\_%')"
                        + " from pg_roles r where rolname = ?")) {
            statement.setString(1, appRole);
            ResultSet role = statement.executeQuery();
            assertThat(role.next()).as("role %s exists", appRole).isTrue();
            assertThat(role.getBoolean(1)).as("%s is a superuser", appRole).isFalse();
            assertThat(role.getBoolean(2)).as("%s has BYPASSRLS", appRole).isFalse();
            assertThat(role.getLong(3)).as("relations owned by %s", appRole).isZero();
            assertThat(role.getBoolean(4))
                    .as("%s inherits another service role (and its policies)", appRole)
                    .isFalse();
        }
    }

    private static List<String> tables(Connection owner, String schema) throws SQLException {
        try (PreparedStatement statement =
                owner.prepareStatement("select tablename from pg_tables where schemaname = ? order by tablename")) {
            statement.setString(1, schema);
            ResultSet rows = statement.executeQuery();
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                if (!LIQUIBASE_TABLES.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    private static void assertForcedWithTenantPolicy(
            Connection owner, String schema, String table, String appRole, String tenantColumn) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(
                "select c.relrowsecurity, c.relforcerowsecurity,"
                        + " (select string_agg(p.qual || ' | ' || coalesce(p.with_check, ''), ' || ') from pg_policies p"
                        + "   where p.schemaname = n.nspname and p.tablename = c.relname and ? = any(p.roles))"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?")) {
            statement.setString(1, appRole);
            statement.setString(2, schema);
            statement.setString(3, table);
            ResultSet row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean(1))
                    .as("%s.%s has row-level security enabled", schema, table)
                    .isTrue();
            assertThat(row.getBoolean(2))
                    .as("%s.%s forces row-level security", schema, table)
                    .isTrue();
            String policy = row.getString(3);
            assertThat(policy)
                    .as("tenant policy of %s.%s for %s", schema, table, appRole)
                    .isNotNull()
                    .contains("(" + tenantColumn + " = ( SELECT")
                    .contains("current_setting('app.project_id'::text, true)")
                    .doesNotContain("true |");
        }
    }

    private static void assertIndexesLeadWithTenant(
            Connection owner, String schema, Map<String, String> tenantColumns, Map<String, String> crossTenantIndexes)
            throws SQLException {
        try (PreparedStatement statement =
                owner.prepareStatement("select t.relname, i.relname, a.attname from pg_index x"
                        + " join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                        + " join pg_namespace n on n.oid = t.relnamespace"
                        + " left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]"
                        + " where n.nspname = ? order by 1, 2")) {
            statement.setString(1, schema);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                String table = rows.getString(1);
                String index = rows.getString(2);
                if (LIQUIBASE_TABLES.contains(table)
                        || KIT_INDEXES.contains(index)
                        || crossTenantIndexes.containsKey(index)) {
                    continue;
                }
                assertThat(rows.getString(3))
                        .as("first column of index %s on %s.%s", index, schema, table)
                        .isEqualTo(tenantColumns.getOrDefault(table, "project_id"));
            }
        }
    }
}
