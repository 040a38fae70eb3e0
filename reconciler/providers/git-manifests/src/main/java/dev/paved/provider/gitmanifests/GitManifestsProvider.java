package dev.paved.provider.gitmanifests;

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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A git-manifests instance: workloads rendered as Kubernetes manifests under {@code <environment>/<service>/}
 * in a deploy repo, committed and pushed for Argo CD or Flux to apply. Every call works on the remote branch
 * as it is now (fetch, then hard reset), so the clone never drifts from the remote. When the branch moves
 * between the fetch and the push, the change is made again on top of the new head and pushed again, without
 * a rebase or a force push, up to {@code pushAttempts} times; after that the call fails as retryable. Calls
 * are serialised by a lock: one clone, one operation at a time.
 */
public final class GitManifestsProvider implements Provider, Creator, Updater, Deleter {

    private static final Logger LOG = LoggerFactory.getLogger(GitManifestsProvider.class);

    private final GitManifestsSettings settings;
    private final DeployRepo repo;
    private final ManifestReader reader;
    private final FileChanges changes;
    private final Runnable beforePush;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param beforePush runs between commit and push; a seam for tests of a concurrent push, else a no-op */
    GitManifestsProvider(GitManifestsSettings settings, Runnable beforePush) {
        this.settings = settings;
        this.repo = new DeployRepo(settings);
        ManifestRenderer renderer = new ManifestRenderer();
        this.reader = new ManifestReader(renderer);
        this.changes = new FileChanges(renderer, reader);
        this.beforePush = beforePush;
    }

    @Override
    public String instance() {
        return settings.instance();
    }

    @Override
    public Outcome<List<LiveResource>> observe(String environment) {
        checkOpen();
        String context = "observe " + environment + " in " + instance();
        if (!WorkloadProblems.DNS_LABEL.matcher(environment).matches()) {
            return Outcome.failed(ProviderError.permanent(context + ": the environment must be a DNS label"));
        }
        return locked(context, () -> {
            repo.fetch();
            return Outcome.observed(reader.observe(repo.tree(environment), settings.namespace(environment)));
        });
    }

    @Override
    public ObjectNode normalize(DesiredResource desired) {
        return ManifestReader.TYPE.equals(desired.key().type())
                ? WorkloadSpec.normalize(desired.key().name(), desired.properties())
                : desired.properties().deepCopy();
    }

    @Override
    public Outcome<LiveResource> create(DesiredResource desired) {
        return write("create", desired, false);
    }

    @Override
    public Outcome<LiveResource> update(DesiredResource desired, LiveResource live) {
        return write("update", desired, true);
    }

    @Override
    public Outcome<ResourceKey> delete(LiveResource live) {
        checkOpen();
        ResourceKey key = live.key();
        String context = "delete " + key + " in " + instance();
        String invalid = invalidKey(key);
        if (invalid != null) {
            return Outcome.failed(ProviderError.permanent(context + ": " + invalid));
        }
        String message = CommitMessage.of("delete", key, live.owner(), null);
        return locked(context, () -> {
            for (int attempt = 1; ; attempt++) {
                repo.fetch();
                repo.resetToRemote();
                ChangeSet change = changes.delete(repo.tree(key.environment()), key);
                Outcome<ResourceKey> done = commitAndPush(context, change, message, key, attempt);
                if (done != null) {
                    return done;
                }
            }
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            lock.lock();
            try {
                repo.close();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return settings.toString();
    }

    private Outcome<LiveResource> write(String step, DesiredResource desired, boolean mustExist) {
        checkOpen();
        ResourceKey key = desired.key();
        String context = step + " " + key + " in " + instance();
        String invalid = invalidKey(key);
        if (invalid != null) {
            return Outcome.failed(ProviderError.permanent(context + ": " + invalid));
        }
        ObjectNode properties = normalize(desired);
        List<String> problems = WorkloadProblems.of(properties);
        if (!problems.isEmpty()) {
            return Outcome.failed(ProviderError.permanent(context + ": " + String.join("; ", problems)));
        }
        Workload workload = new Workload(key, desired.owner(), settings.namespace(key.environment()), properties);
        LiveResource live = ManifestReader.live(workload, properties);
        String message = CommitMessage.of(step, key, desired.owner(),
                CommitMessage.platformCommit(desired.properties()));
        return locked(context, () -> {
            for (int attempt = 1; ; attempt++) {
                repo.fetch();
                repo.resetToRemote();
                Outcome<ChangeSet> planned = changes.write(repo.tree(key.environment()), workload,
                        settings.namespace(key.environment()), mustExist);
                if (planned instanceof Outcome.Failed<ChangeSet> failed) {
                    return Outcome.failed(new ProviderError(context + ": " + failed.error().message(),
                            failed.error().retryable()));
                }
                ChangeSet change = ((Outcome.Ok<ChangeSet>) planned).value();
                Outcome<LiveResource> done = commitAndPush(context, change, message, live, attempt);
                if (done != null) {
                    return done;
                }
            }
        });
    }

    /** Commits and pushes a change; {@code null} when the branch moved and another attempt is due. */
    private <T> Outcome<T> commitAndPush(String context, ChangeSet change, String message, T result, int attempt)
            throws Exception {
        if (change.isEmpty()) {
            LOG.debug("{}: already as desired, nothing to commit", context);
            return Outcome.ok(result);
        }
        repo.apply(change);
        String commit = repo.commit(message);
        beforePush.run();
        DeployRepo.Pushed pushed = repo.push();
        switch (pushed.status()) {
            case PUSHED -> {
                LOG.info("{}: pushed {} to {} on {}", context, commit.substring(0, 12),
                        settings.displayRepository(), settings.branch());
                return Outcome.ok(result);
            }
            case REFUSED -> {
                return Outcome.failed(ProviderError.permanent(context + ": push to "
                        + settings.displayRepository() + " refused: " + GitErrors.scrub(pushed.detail(), settings)));
            }
            default -> {
                if (attempt < settings.pushAttempts()) {
                    LOG.debug("{}: branch {} moved meanwhile, trying again", context, settings.branch());
                    return null;
                }
                return Outcome.failed(ProviderError.retryable(context + ": branch " + settings.branch() + " of "
                        + settings.displayRepository() + " moved during each of " + attempt + " attempts"));
            }
        }
    }

    private <T> Outcome<T> locked(String context, Callable<Outcome<T>> body) {
        lock.lock();
        try {
            checkOpen();
            return body.call();
        } catch (ProviderException e) {
            throw e;
        } catch (Exception e) {
            return Outcome.failed(GitErrors.classify(context, e, settings));
        } finally {
            lock.unlock();
        }
    }

    private static String invalidKey(ResourceKey key) {
        if (!ManifestReader.TYPE.equals(key.type())) {
            return "git-manifests provisions only '" + ManifestReader.TYPE + "' resources, not '" + key.type() + "'";
        }
        if (!WorkloadProblems.DNS_LABEL.matcher(key.environment()).matches()
                || !WorkloadProblems.DNS_LABEL.matcher(key.name()).matches()) {
            return "the environment and the name must be DNS labels";
        }
        return null;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new ProviderException("provider instance " + instance() + " is closed");
        }
    }
}
