package dev.paved.core.scaffold;

import dev.paved.core.parse.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One version of a golden-path template from the platform repo's {@code templates/NAME/VERSION/}.
 *
 * @param kind        the kind of declaration it writes: Service or Environment
 * @param directory   the version's folder
 * @param file        the file rendered, relative to the folder
 * @param tierFiles   for an Environment template, the file rendered for a tier instead of {@code file}
 * @param parameters  what may be given with {@code --set}, in order
 */
public record Template(String name, TemplateVersion version, Kind kind, String description, Path directory,
                       String file, Map<String, String> tierFiles, List<TemplateParameter> parameters) {

    public Template {
        tierFiles = Map.copyOf(tierFiles);
        parameters = List.copyOf(parameters);
    }

    /** The file to render for an environment of {@code tier} (null for a service). */
    public String fileFor(String tier) {
        return tier == null ? file : tierFiles.getOrDefault(tier, file);
    }

    /** {@code web-api 3.4.1} */
    public String label() {
        return name + " " + version;
    }
}
