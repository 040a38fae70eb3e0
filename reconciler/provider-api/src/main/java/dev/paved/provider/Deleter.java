package dev.paved.provider;

/** Opt-in capability: the provider can delete resources it owns. */
public interface Deleter {

    /**
     * Deletes an owned resource and returns its key. Deleting what is already gone succeeds (idempotent); a
     * resource without Paved's ownership mark is never deleted.
     */
    Outcome<ResourceKey> delete(LiveResource live);
}
