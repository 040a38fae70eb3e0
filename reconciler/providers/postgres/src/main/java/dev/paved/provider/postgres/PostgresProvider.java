package dev.paved.provider.postgres;

import dev.paved.provider.Creator;
import dev.paved.provider.Deleter;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ProviderException;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Updater;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/**
 * One postgres provider instance: observes, creates, updates and deletes the databases and roles Paved owns on
 * one server. Each call opens its own connection, so the instance is safe to use from several threads.
 * Expected failures are {@link Outcome.Failed} values that name the instance and the step; a call after
 * {@link #close()} throws {@link ProviderException} at once.
 */
final class PostgresProvider implements Provider, Creator, Updater, Deleter {

    private final PostgresSettings settings;
    private final Connector connector;
    private final Catalog catalog = new Catalog();
    private final SecretFiles secrets;
    private final LiveResources liveResources;
    private final Provisioner provisioner;
    private final SqlFailures failures;
    private final AtomicBoolean closed = new AtomicBoolean();

    PostgresProvider(PostgresSettings settings) {
        this.settings = settings;
        this.connector = new Connector(settings);
        this.secrets = new SecretFiles(settings.secretDir());
        this.liveResources = new LiveResources(settings, secrets);
        this.provisioner = new Provisioner(settings, connector, secrets, new PasswordGenerator());
        this.failures = new SqlFailures(settings.instance(), settings.password().stream().toList());
    }

    @Override
    public String instance() {
        return settings.instance();
    }

    @Override
    public Outcome<List<LiveResource>> observe(String environment) {
        checkOpen();
        try (Session session = connector.maintenance()) {
            return Outcome.observed(catalog.marked(session, environment, PostgresProviderType.RESOURCE_TYPE)
                    .stream().flatMap(row -> liveResources.live(row, environment).stream()).toList());
        } catch (SQLException e) {
            return Outcome.failed(failures.ofInstanceStep("observe", e));
        }
    }

    @Override
    public ObjectNode normalize(DesiredResource desired) {
        return PostgresParams.parse(desired.key(), desired.properties()) instanceof Outcome.Ok<PostgresParams> ok
                ? ok.value().toProperties()
                : desired.properties().deepCopy();
    }

    @Override
    public Outcome<LiveResource> create(DesiredResource desired) {
        checkOpen();
        return apply("create", desired, (target, state) -> {
            if (state.databaseExists() && !ownedBy(state, target)) {
                return Optional.of(refusal("create", target, "a database named " + target.names().database()
                        + " that Paved does not own already exists"));
            }
            if (state.roleExists() && !state.roleMark().map(m -> m.key().equals(target.key())).orElse(false)) {
                return Optional.of(refusal("create", target, "a role named " + target.names().role()
                        + " that Paved does not own already exists"));
            }
            return Optional.empty();
        });
    }

    @Override
    public Outcome<LiveResource> update(DesiredResource desired, LiveResource live) {
        checkOpen();
        return apply("update", desired, (target, state) -> {
            if (!state.databaseExists() || !state.databaseMark().map(m -> m.key().equals(target.key()))
                    .orElse(false)) {
                return Optional.of(refusal("update", target, "there is no database of Paved's to update"));
            }
            if (state.roleExists() && !state.roleMark().map(m -> m.key().equals(target.key())).orElse(false)) {
                return Optional.of(refusal("update", target, "the role " + target.names().role()
                        + " is not Paved's"));
            }
            return Optional.empty();
        });
    }

    @Override
    public Outcome<ResourceKey> delete(LiveResource live) {
        checkOpen();
        ResourceKey key = live.key();
        if (!PostgresProviderType.RESOURCE_TYPE.equals(key.type())) {
            return Outcome.failed(ProviderError.permanent("delete " + key + " in " + instance()
                    + ": resource type '" + key.type() + "' is not handled by this provider"));
        }
        if (!(PgNames.derive(key) instanceof Outcome.Ok<PgNames> derived)) {
            return Outcome.ok(key); // no valid name: nothing of Paved's can exist under it
        }
        PgNames names = derived.value();
        try (Session session = connector.maintenance()) {
            CatalogRow state = catalog.lookup(session, names);
            boolean dropDatabase = state.databaseExists()
                    && state.databaseMark().map(m -> m.key().equals(key)).orElse(false);
            boolean databaseGone = !state.databaseExists() || dropDatabase;
            boolean dropRole = databaseGone && state.roleExists()
                    && state.roleMark().map(m -> m.key().equals(key)).orElse(false);
            provisioner.drop(session, names, dropDatabase, dropRole);
            if (databaseGone && (!state.roleExists() || dropRole)) {
                secrets.remove(key);
            }
            return Outcome.ok(key);
        } catch (SQLException e) {
            return Outcome.failed(failures.of("delete " + key, e));
        } catch (IOException e) {
            return Outcome.failed(ProviderError.permanent("delete " + key + " in " + instance()
                    + ": cannot remove the credentials file " + secrets.path(key) + ": " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** How many SQL statements this instance has run; observe runs exactly one. For tests. */
    long statementsExecuted() {
        return connector.statementsExecuted();
    }

    @Override
    public String toString() {
        return "postgres provider " + instance() + " (" + settings.user() + "@" + settings.host() + ":"
                + settings.port() + "/" + settings.database() + ")";
    }

    /** Why a create or update must not go ahead, given the catalog's state; empty when it may. */
    @FunctionalInterface
    private interface Precondition {
        Optional<ProviderError> check(Target target, CatalogRow state);
    }

    private Outcome<LiveResource> apply(String verb, DesiredResource desired, Precondition precondition) {
        String step = verb + " " + desired.key();
        Outcome<Target> resolved = target(step, desired);
        if (resolved instanceof Outcome.Failed<Target> failed) {
            return Outcome.failed(failed.error());
        }
        Target target = ((Outcome.Ok<Target>) resolved).value();
        try (Session session = connector.maintenance()) {
            CatalogRow state = catalog.lookup(session, target.names());
            Optional<ProviderError> refused = precondition.check(target, state);
            if (refused.isPresent()) {
                return Outcome.failed(refused.get());
            }
            provisioner.converge(session, target, state);
            CatalogRow after = catalog.lookup(session, target.names());
            return liveResources.live(after, target.key().environment()).<Outcome<LiveResource>>map(Outcome::ok)
                    .orElseGet(() -> Outcome.failed(ProviderError.permanent(step + " in " + instance()
                            + ": the database is not marked as Paved's after it was applied")));
        } catch (SQLException e) {
            return Outcome.failed(failures.of(step, e));
        } catch (IOException e) {
            return Outcome.failed(ProviderError.permanent(step + " in " + instance()
                    + ": cannot write the credentials file " + secrets.path(target.key()) + ": " + e.getMessage()));
        }
    }

    /** The desired resource checked: its type, its PostgreSQL names and its parameters. */
    private Outcome<Target> target(String step, DesiredResource desired) {
        ResourceKey key = desired.key();
        if (!PostgresProviderType.RESOURCE_TYPE.equals(key.type())) {
            return Outcome.failed(ProviderError.permanent(step + " in " + instance() + ": resource type '"
                    + key.type() + "' is not handled by this provider"));
        }
        Outcome<PgNames> names = PgNames.derive(key);
        Outcome<PostgresParams> params = PostgresParams.parse(key, desired.properties());
        if (names instanceof Outcome.Failed<PgNames> failed) {
            return Outcome.failed(failed.error());
        }
        if (params instanceof Outcome.Failed<PostgresParams> failed) {
            return Outcome.failed(failed.error());
        }
        return Outcome.ok(new Target(key, desired.owner(), ((Outcome.Ok<PgNames>) names).value(),
                ((Outcome.Ok<PostgresParams>) params).value()));
    }

    /**
     * Whether an existing database is this target's: it carries the target's mark, or it carries no mark but
     * is owned by the target's role, which is marked as the target's (a create interrupted between CREATE
     * DATABASE and COMMENT ON DATABASE).
     */
    private static boolean ownedBy(CatalogRow state, Target target) {
        Optional<OwnershipMark> mark = state.databaseMark();
        if (mark.isPresent()) {
            return mark.get().key().equals(target.key());
        }
        return state.databaseComment() == null && state.roleExists()
                && target.names().role().equals(state.databaseOwner())
                && state.roleMark().map(m -> m.key().equals(target.key())).orElse(false);
    }

    private ProviderError refusal(String verb, Target target, String reason) {
        return ProviderError.permanent(verb + " " + target.key() + " in " + instance() + ": " + reason);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new ProviderException("provider instance " + instance() + " is closed");
        }
    }
}
