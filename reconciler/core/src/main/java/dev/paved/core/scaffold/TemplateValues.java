package dev.paved.core.scaffold;

import dev.paved.core.parse.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a template's placeholders for one request: the built-in ones ({@code name}, {@code template},
 * {@code templateVersion}; {@code team} and the {@code deployments} block for a service; {@code tier} for an
 * environment), then each parameter's, from {@code --set} or its default. A default may use the placeholders before
 * it. Every value is checked against its parameter's pattern.
 */
final class TemplateValues {

    /** Placeholders every template may use, whatever its parameters. */
    static final Set<String> BUILT_IN = Set.of("name", "team", "template", "templateVersion", "deployments", "tier");

    private TemplateValues() {
    }

    static Map<String, TemplateValue> of(Template template, ScaffoldRequest request, List<String> environments) {
        Map<String, TemplateValue> values = new LinkedHashMap<>();
        values.put("name", new TemplateValue.Scalar(request.name()));
        values.put("template", new TemplateValue.Scalar(template.name()));
        values.put("templateVersion", new TemplateValue.Scalar(template.version().toString()));
        if (request.kind() == Kind.SERVICE) {
            values.put("team", new TemplateValue.Scalar(request.team()));
            values.put("deployments", new TemplateValue.Block(environments.stream().map(e -> e + ": {}").toList()));
        } else {
            values.put("tier", new TemplateValue.Scalar(request.tier()));
        }
        List<String> unknown = new ArrayList<>(request.settings().keySet());
        for (TemplateParameter parameter : template.parameters()) {
            unknown.remove(parameter.name());
            String given = request.settings().get(parameter.name());
            String value;
            if (given != null) {
                value = given;
                if (!parameter.accepts(value)) {
                    throw new ScaffoldException("--set " + parameter.name() + "='" + value + "': not a valid value"
                            + " for template " + template.label() + " (" + describe(parameter) + "; must match "
                            + parameter.pattern().pattern() + ")");
                }
            } else if (parameter.defaultValue().isPresent()) {
                value = TemplateRenderer.render(parameter.defaultValue().get(), template.label() + " parameter "
                        + parameter.name() + " default", values);
                if (!parameter.accepts(value)) {
                    throw new ScaffoldException("template " + template.label() + ": the default of " + parameter.name()
                            + " comes out as '" + value + "', which its pattern " + parameter.pattern().pattern()
                            + " refuses; give one with --set " + parameter.name() + "=VALUE");
                }
            } else {
                values.put(parameter.name(), new TemplateValue.Missing("template " + template.label() + " needs --set "
                        + parameter.name() + "=VALUE (" + describe(parameter) + ")"));
                continue;
            }
            values.put(parameter.name(), new TemplateValue.Scalar(value));
        }
        if (!unknown.isEmpty()) {
            List<String> names = template.parameters().stream().map(TemplateParameter::name).toList();
            throw new ScaffoldException("template " + template.label() + " has no parameter " + String.join(", ",
                    unknown) + (names.isEmpty() ? "; it takes none" : "; its parameters: " + String.join(", ", names)));
        }
        return values;
    }

    private static String describe(TemplateParameter parameter) {
        return parameter.description().isBlank() ? parameter.name()
                : parameter.description().replaceAll("\\.$", "");
    }
}
