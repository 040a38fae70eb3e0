package dev.paved.provider.postgres;

import dev.paved.provider.Secret;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Brings a database, its login role, grants and extensions to what a {@link Target} says, and takes them away
 * again. Every step is idempotent and each is skipped when the catalog shows it is done, so that running
 * again after a failure half way finishes the job. The ownership marks are written so that a crash never
 * leaves a database Paved made without its mark for longer than one statement, and the mark claims only
 * what is in place: extensions are recorded after they are created.
 */
final class Provisioner {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    private final PostgresSettings settings;
    private final Connector connector;
    private final SecretFiles secrets;
    private final PasswordGenerator passwords;

    Provisioner(PostgresSettings settings, Connector connector, SecretFiles secrets, PasswordGenerator passwords) {
        this.settings = settings;
        this.connector = connector;
        this.secrets = secrets;
        this.passwords = passwords;
    }

    /** Converges {@code target}, whose database and role are as {@code state} shows (both may be missing). */
    void converge(Session admin, Target target, CatalogRow state) throws SQLException, IOException {
        ensureRole(admin, target, state);
        List<String> installed = ensureDatabase(admin, target, state);
        ensureExtensions(target, installed);
        String mark = target.databaseMark().toJson();
        if (!mark.equals(state.databaseComment())) {
            admin.execute("COMMENT ON DATABASE " + admin.identifier(target.names().database()) + " IS "
                    + admin.literal(mark));
        }
    }

    /** Drops the database (disconnecting its sessions) and/or the role, whichever is asked and exists. */
    void drop(Session admin, PgNames names, boolean database, boolean role) throws SQLException {
        if (database) {
            admin.execute("DROP DATABASE IF EXISTS " + admin.identifier(names.database()) + " WITH (FORCE)");
            log.info("dropped database {} on {}", names.database(), settings.instance());
        }
        if (role) {
            admin.execute("DROP ROLE IF EXISTS " + admin.identifier(names.role()));
            log.info("dropped role {} on {}", names.role(), settings.instance());
        }
    }

    private void ensureRole(Session admin, Target target, CatalogRow state) throws SQLException, IOException {
        String role = admin.identifier(target.names().role());
        int limit = target.params().connectionLimit();
        if (!state.roleExists()) {
            admin.execute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT " + limit);
            // an admin that is not superuser (CREATEDB and CREATEROLE, as on managed services) must be a
            // member of a role to make it a database's owner and to act as that owner afterwards
            admin.execute("GRANT " + role + " TO CURRENT_USER");
            log.info("created role {} on {} for {}", target.names().role(), settings.instance(), target.key());
        } else if (state.roleConnectionLimit() != limit) {
            admin.execute("ALTER ROLE " + role + " CONNECTION LIMIT " + limit);
        }
        String mark = target.roleMark().toJson();
        if (!mark.equals(state.roleComment())) {
            admin.execute("COMMENT ON ROLE " + role + " IS " + admin.literal(mark));
        }
        if (!state.roleExists() || !secrets.exists(target.key())) {
            issuePassword(admin, target);
        }
    }

    /** Sets a new password on the role and delivers it to the secret sink. */
    private void issuePassword(Session admin, Target target) throws SQLException, IOException {
        Secret password = passwords.next();
        admin.setPassword(target.names().role(), password.reveal().toCharArray());
        var credentials = new Credentials(settings.host(), settings.port(), target.names().database(),
                target.names().role(), password);
        secrets.write(target.key(), credentials);
        log.info("issued a password for role {} on {}, in {}", target.names().role(), settings.instance(),
                secrets.path(target.key()));
    }

    /** Creates or repairs the database and its grants; returns the extensions its mark says are in place. */
    private List<String> ensureDatabase(Session admin, Target target, CatalogRow state) throws SQLException {
        String database = admin.identifier(target.names().database());
        String role = admin.identifier(target.names().role());
        List<String> installed;
        if (!state.databaseExists()) {
            admin.execute("CREATE DATABASE " + database + " OWNER " + role);
            admin.execute("COMMENT ON DATABASE " + database + " IS "
                    + admin.literal(target.databaseMarkWith(List.of()).toJson()));
            log.info("created database {} on {} for {}", target.names().database(), settings.instance(),
                    target.key());
            installed = List.of();
        } else {
            if (!target.names().role().equals(state.databaseOwner())) {
                admin.execute("ALTER DATABASE " + database + " OWNER TO " + role);
            }
            installed = state.databaseMark().map(mark -> names(mark.properties().path(PostgresParams.EXTENSIONS)))
                    .orElse(List.of());
        }
        admin.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
        admin.execute("GRANT ALL ON DATABASE " + database + " TO " + role);
        return installed;
    }

    /** Creates the wanted extensions in the database and drops those Paved created that are no longer wanted. */
    private void ensureExtensions(Target target, List<String> installed) throws SQLException {
        List<String> wanted = target.params().extensions();
        List<String> unwanted = new ArrayList<>(installed);
        unwanted.removeAll(wanted);
        if (wanted.isEmpty() && unwanted.isEmpty()) {
            return;
        }
        try (Session database = connector.open(target.names().database())) {
            for (String extension : wanted) {
                database.execute("CREATE EXTENSION IF NOT EXISTS " + database.identifier(extension));
            }
            for (String extension : unwanted) {
                // RESTRICT: an extension that something now depends on stays, and the update fails permanently
                database.execute("DROP EXTENSION IF EXISTS " + database.identifier(extension) + " RESTRICT");
            }
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> {
            if (item.isString() && PostgresParams.EXTENSION.matcher(item.asString()).matches()) {
                names.add(item.asString());
            }
        });
        return names;
    }
}
