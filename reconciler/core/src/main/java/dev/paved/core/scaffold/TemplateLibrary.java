package dev.paved.core.scaffold;

import dev.paved.core.finding.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The golden-path templates of a platform repo: {@code templates/NAME/VERSION/}, each version a folder named by
 * its version ({@code 3.4.1}). Folders whose name is not a version are not versions. The newest release is the
 * default; a pre-release is only used when asked for by name.
 */
public final class TemplateLibrary {

    /** The top-level folder of a platform repo that holds templates; never read as declarations. */
    public static final String FOLDER = "templates";

    private final Path root;

    public TemplateLibrary(Path repo) {
        this.root = repo.resolve(FOLDER);
    }

    /** The template names there are, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new ScaffoldException("list " + FOLDER + "/: " + e.getMessage(), e);
        }
    }

    /** The versions of one template, oldest first. */
    public List<TemplateVersion> versions(String name) {
        try (Stream<Path> entries = Files.list(root.resolve(name))) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .flatMap(folder -> TemplateVersion.parse(folder).filter(v -> v.toString().equals(folder)).stream())
                    .sorted().toList();
        } catch (IOException e) {
            throw new ScaffoldException("list " + FOLDER + "/" + name + "/: " + e.getMessage(), e);
        }
    }

    /**
     * @param version a version, or null for the newest release
     * @throws ScaffoldException naming what there is, when the template or version is not there
     */
    public Template load(String name, String version) {
        if (!Files.isDirectory(root)) {
            throw new ScaffoldException("no " + FOLDER + "/ folder in the platform repo; golden-path templates live in "
                    + FOLDER + "/NAME/VERSION/ (see docs/golden-paths.md)");
        }
        List<String> names = names();
        if (!names.contains(name)) {
            throw new ScaffoldException("no template '" + name + "' in " + FOLDER + "/" + Suggestions.didYouMean(name,
                    names) + "; there are: " + String.join(", ", names));
        }
        List<TemplateVersion> versions = versions(name);
        String listed = versions.stream().map(TemplateVersion::toString).collect(Collectors.joining(", "));
        TemplateVersion chosen;
        if (version == null) {
            chosen = versions.stream().filter(TemplateVersion::isRelease).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new ScaffoldException("template " + name + " has no released version"
                            + (versions.isEmpty() ? "" : "; choose one with --template-version: " + listed)));
        } else {
            chosen = TemplateVersion.parse(version).filter(versions::contains).orElseThrow(() ->
                    new ScaffoldException("template " + name + " has no version '" + version + "'; there are: "
                            + listed));
        }
        String folder = FOLDER + "/" + name + "/" + chosen;
        return TemplateManifest.read(name, chosen, root.resolve(name).resolve(chosen.toString()),
                folder + "/" + TemplateManifest.FILE);
    }
}
