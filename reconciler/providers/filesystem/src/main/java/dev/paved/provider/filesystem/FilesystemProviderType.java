package dev.paved.provider.filesystem;

import dev.paved.provider.Provider;
import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded default provider: live state is one JSON file per resource under a directory, so a platform repo
 * reconciles with no external server. Settings: {@code root}, the directory (created if missing).
 */
public final class FilesystemProviderType implements ProviderType {

    public static final String ID = "filesystem";

    /** The one setting: the directory that holds {@code <environment>/<type>/<name>.json}. */
    public static final String ROOT = "root";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(new ResourceType("*", "any resource type, kept as a JSON file per resource",
                DocumentCodec.MAPPER.createObjectNode().put("type", "object")));
    }

    /**
     * Opens an instance. The root is created here when it can be; when it cannot (e.g. permission denied), the
     * first call reports the problem as an error value, as a refused connection would be.
     *
     * @throws ProviderException when {@code root} is missing, not a path, or an existing non-directory
     */
    @Override
    public Provider open(ProviderSettings settings) {
        Path root = root(settings);
        try {
            Files.createDirectories(root);
        } catch (IOException notYet) {
            // reported lazily, as an error value of the first call that needs the directory
        }
        return new FilesystemProvider(settings.instance(), new ResourceLayout(root));
    }

    private static Path root(ProviderSettings settings) {
        String value = settings.require(ROOT);
        Path root;
        try {
            root = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ProviderException("provider instance " + settings.instance() + ": setting '" + ROOT
                    + "' is not a valid path: " + e.getReason());
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ProviderException("provider instance " + settings.instance() + ": setting '" + ROOT
                    + "' is not a directory: " + root);
        }
        return root;
    }
}
