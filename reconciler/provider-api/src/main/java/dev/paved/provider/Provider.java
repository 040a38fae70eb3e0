package dev.paved.provider;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One configured provider instance. Observing is the only mandatory capability; creating, updating and
 * deleting are opt-in through {@link Creator}, {@link Updater} and {@link Deleter}. Every call is idempotent,
 * reports expected failures as {@link Outcome.Failed}, and is safe to call from several threads. After
 * {@link #close()}, every call fails fast with {@link ProviderException}.
 */
public interface Provider extends AutoCloseable {

    /** The instance name from the configuration. */
    String instance();

    /**
     * The live state of every resource this instance holds that Paved owns, in {@code environment}. Resources
     * without Paved's ownership mark are invisible. Must not change anything.
     */
    Outcome<List<LiveResource>> observe(String environment);

    /**
     * What {@link #observe(String)} reports about {@code keys} only (keys of {@code environment}; those not live
     * are left out): what a daemon that knows which resources a commit touched re-observes. The default observes
     * the whole environment and filters it; a provider that can read resources one by one overrides it.
     */
    default Outcome<List<LiveResource>> observe(String environment, Set<ResourceKey> keys) {
        Outcome<List<LiveResource>> all = observe(environment);
        if (all instanceof Outcome.Ok<List<LiveResource>> ok) {
            return Outcome.observed(ok.value().stream().filter(live -> keys.contains(live.key())).toList());
        }
        return all;
    }

    /**
     * The desired properties as the provider will report them back from {@link #observe} once applied
     * (defaults filled in, values canonicalised), so that a plan compares like with like. Must be idempotent:
     * normalising a normalised resource changes nothing.
     */
    default ObjectNode normalize(DesiredResource desired) {
        return desired.properties().deepCopy();
    }

    @Override
    void close();
}
