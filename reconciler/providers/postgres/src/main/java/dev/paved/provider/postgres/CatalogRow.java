package dev.paved.provider.postgres;

import java.util.Optional;

/**
 * What the catalog says about one database and its login role (same name).
 *
 * @param database            the database's name; null when there is no such database
 * @param databaseComment     the database's comment, where Paved keeps its ownership mark; null if none
 * @param databaseOwner       the role that owns the database; null when there is no database
 * @param role                the login role's name; null when there is no such role
 * @param roleComment         the role's comment (its ownership mark); null if none
 * @param roleConnectionLimit the role's connection limit ({@code pg_roles.rolconnlimit}, -1 for none)
 */
record CatalogRow(String database, String databaseComment, String databaseOwner, String role, String roleComment,
        int roleConnectionLimit) {

    boolean databaseExists() {
        return database != null;
    }

    boolean roleExists() {
        return role != null;
    }

    Optional<OwnershipMark> databaseMark() {
        return OwnershipMark.parse(databaseComment);
    }

    Optional<OwnershipMark> roleMark() {
        return OwnershipMark.parse(roleComment);
    }
}
