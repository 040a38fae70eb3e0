package dev.paved.provider;

import java.util.List;

/**
 * A kind of provider (filesystem, postgres, git-manifests, …), found through {@link java.util.ServiceLoader}.
 * Paved opens one {@link Provider} per instance declared in its configuration; the platform repo refers to
 * instances by name. Implementations must be stateless and thread-safe.
 */
public interface ProviderType {

    /** Unique among all provider types on the class path, e.g. {@code filesystem}. A duplicate stops startup. */
    String id();

    /** The resource types this provider can provision, with the JSON Schema of their parameters. */
    List<ResourceType> resourceTypes();

    /**
     * Opens an instance with its settings. Must not change anything outside the provider; connection
     * problems may be reported lazily, by the first call.
     *
     * @throws ProviderException when the settings are invalid
     */
    Provider open(ProviderSettings settings);
}
