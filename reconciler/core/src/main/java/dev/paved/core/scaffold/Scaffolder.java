package dev.paved.core.scaffold;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Suggestions;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fills a template for a request against what the repo already declares: the name must be a free DNS label, the
 * team and environments must exist. A service with no {@code --env} goes to every environment of tier
 * {@code development} or {@code staging}, in the order the repo declares them.
 */
final class Scaffolder {

    /** The contract's name: a DNS label (schema/v1alpha1/common.schema.json). */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    static final List<String> TIERS = List.of("development", "staging", "production", "ephemeral");
    private static final Set<String> DEFAULT_TIERS = Set.of("development", "staging");

    private Scaffolder() {
    }

    static Rendered render(ScaffoldRequest request, Template template, Catalog catalog) {
        if (!DNS_LABEL.matcher(request.name()).matches()) {
            throw new ScaffoldException(request.noun() + " name '" + request.name() + "' is not a DNS label:"
                    + " lower-case letters, digits and '-', starting with a letter and not ending with '-', at most 63"
                    + " characters");
        }
        if (template.kind() != request.kind()) {
            throw new ScaffoldException("template " + template.label() + " writes " + article(template.kind())
                    + ", not " + article(request.kind()));
        }
        catalog.find(request.kind(), request.name()).ifPresent(existing -> {
            throw new ScaffoldException(request.noun() + " '" + request.name() + "' already exists ("
                    + existing.file() + "); choose another name");
        });
        List<String> environments = List.of();
        if (request.kind() == Kind.SERVICE) {
            checkTeam(request.team(), catalog);
            environments = environments(request.environments(), catalog);
        } else if (!TIERS.contains(request.tier())) {
            throw new ScaffoldException("tier '" + request.tier() + "' is not one of " + String.join(", ", TIERS)
                    + Suggestions.didYouMean(request.tier(), TIERS));
        }
        String file = template.fileFor(request.tier());
        String text;
        try {
            text = Files.readString(template.directory().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScaffoldException("read template " + template.label() + " " + file + ": " + e.getMessage(), e);
        }
        String shown = TemplateLibrary.FOLDER + "/" + template.name() + "/" + template.version() + "/" + file;
        String rendered = TemplateRenderer.render(text, shown, TemplateValues.of(template, request, environments));
        String folder = request.kind() == Kind.SERVICE ? "services" : "environments";
        return new Rendered(folder + "/" + request.name() + ".yaml", rendered, template, environments);
    }

    private static void checkTeam(String team, Catalog catalog) {
        if (!catalog.contains(Kind.TEAM, team)) {
            throw new ScaffoldException("team '" + team + "' does not exist" + Suggestions.didYouMean(team,
                    catalog.names(Kind.TEAM)) + "; teams: " + String.join(", ", catalog.names(Kind.TEAM)));
        }
    }

    private static List<String> environments(List<String> asked, Catalog catalog) {
        Set<String> known = catalog.names(Kind.ENVIRONMENT);
        if (!asked.isEmpty()) {
            for (String environment : asked) {
                if (!known.contains(environment)) {
                    throw new ScaffoldException("environment '" + environment + "' does not exist"
                            + Suggestions.didYouMean(environment, known) + "; environments: "
                            + String.join(", ", known));
                }
            }
            return asked.stream().distinct().toList();
        }
        List<String> chosen = new ArrayList<>();
        for (Declaration environment : catalog.of(Kind.ENVIRONMENT)) {
            if (DEFAULT_TIERS.contains(environment.spec().path("tier").asString("")) && !chosen.contains(
                    environment.name())) {
                chosen.add(environment.name());
            }
        }
        if (chosen.isEmpty()) {
            throw new ScaffoldException("the repo has no environment of tier development or staging to deploy a new"
                    + " service to; name them with --env");
        }
        return chosen;
    }

    private static String article(Kind kind) {
        return (kind == Kind.ENVIRONMENT ? "an " : "a ") + kind.yamlName();
    }
}
