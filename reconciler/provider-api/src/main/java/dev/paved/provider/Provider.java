package dev.paved.provider;

import java.util.List;
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
