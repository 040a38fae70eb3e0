package dev.paved.provider.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads Paved's databases and roles from the system catalog; never changes anything. Observing an environment
 * is one query however many databases it has: {@code pg_database} joined with the comments in
 * {@code pg_shdescription} (where the ownership marks are) and with {@code pg_roles} for each database's login
 * role, its connection limit and its mark.
 */
final class Catalog {

    private static final String COLUMNS = """
            SELECT d.datname, ds.description, pg_catalog.pg_get_userbyid(d.datdba),
                   r.rolname, rs.description, r.rolconnlimit
            """;

    private static final String ROLE_JOIN = """
            LEFT JOIN pg_catalog.pg_shdescription rs
                   ON rs.objoid = r.oid AND rs.classoid = 'pg_catalog.pg_authid'::pg_catalog.regclass
            """;

    private static final String OWNED_IN_ENVIRONMENT = COLUMNS + """
            FROM pg_catalog.pg_database d
            JOIN pg_catalog.pg_shdescription ds
              ON ds.objoid = d.oid AND ds.classoid = 'pg_catalog.pg_database'::pg_catalog.regclass
            LEFT JOIN pg_catalog.pg_roles r ON r.rolname = d.datname
            """ + ROLE_JOIN + """
            WHERE pg_catalog.starts_with(ds.description, ?)
              AND pg_catalog.strpos(ds.description, ?) > 0
            ORDER BY d.datname
            """;

    private static final String ONE = COLUMNS + """
            FROM (SELECT CAST(? AS pg_catalog.name) AS database, CAST(? AS pg_catalog.name) AS role) wanted
            LEFT JOIN pg_catalog.pg_database d ON d.datname = wanted.database
            LEFT JOIN pg_catalog.pg_shdescription ds
                   ON ds.objoid = d.oid AND ds.classoid = 'pg_catalog.pg_database'::pg_catalog.regclass
            LEFT JOIN pg_catalog.pg_roles r ON r.rolname = wanted.role
            """ + ROLE_JOIN;

    /**
     * Every database whose comment looks like a mark of a {@code type} resource in {@code environment}, with
     * its role: candidates only, checked by {@link LiveResources}.
     */
    List<CatalogRow> marked(Session session, String environment, String type) throws SQLException {
        return session.query(OWNED_IN_ENVIRONMENT, Catalog::row, OwnershipMark.PREFIX,
                OwnershipMark.keyFragment(environment, type));
    }

    /** The database and role with these names, as they are (each may be missing). */
    CatalogRow lookup(Session session, PgNames names) throws SQLException {
        return session.query(ONE, Catalog::row, names.database(), names.role()).get(0);
    }

    private static CatalogRow row(ResultSet row) throws SQLException {
        return new CatalogRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getInt(6));
    }
}
