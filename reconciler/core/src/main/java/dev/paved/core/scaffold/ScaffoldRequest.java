package dev.paved.core.scaffold;

import dev.paved.core.parse.Kind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code paved new} is asked to write.
 *
 * @param kind            Service or Environment
 * @param template        the template's name
 * @param templateVersion a version, or null for the newest release
 * @param settings        parameter values given with {@code --set}
 * @param team            the owner (services)
 * @param environments    where to deploy (services); empty for the repo's development and staging environments
 * @param tier            the tier (environments)
 */
public record ScaffoldRequest(Kind kind, String name, String template, String templateVersion,
                              Map<String, String> settings, String team, List<String> environments, String tier) {

    public ScaffoldRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        settings = Map.copyOf(settings);
        environments = List.copyOf(environments);
    }

    public static ScaffoldRequest service(String name, String team, String template, String templateVersion,
                                          List<String> environments, Map<String, String> settings) {
        return new ScaffoldRequest(Kind.SERVICE, name, template, templateVersion, settings,
                Objects.requireNonNull(team, "team"), environments, null);
    }

    public static ScaffoldRequest environment(String name, String tier, String template, String templateVersion,
                                              Map<String, String> settings) {
        return new ScaffoldRequest(Kind.ENVIRONMENT, name, template, templateVersion, settings, null, List.of(),
                Objects.requireNonNull(tier, "tier"));
    }

    /** {@code service} or {@code environment}, as in messages and branch names. */
    public String noun() {
        return kind.yamlName().toLowerCase(java.util.Locale.ROOT);
    }
}
