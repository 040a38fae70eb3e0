package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.forge.ForgeEnvironment;
import dev.paved.core.forge.ForgeKind;
import dev.paved.core.forge.RetryPolicy;
import dev.paved.core.parse.DeclarationReader;
import dev.paved.core.report.ScaffoldTextReport;
import dev.paved.core.scaffold.GoldenPath;
import dev.paved.core.scaffold.ScaffoldRequest;
import dev.paved.core.scaffold.ScaffoldService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code paved new service} and {@code paved new environment} share: template, publishing, checks. */
final class NewOptions {

    @Option(names = "--template-version", paramLabel = "VERSION",
            description = "The template version (default: the newest release in templates/TEMPLATE/).")
    String templateVersion;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A template parameter (repeatable); see the"
            + " template's README.md.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--branch", paramLabel = "BRANCH",
            description = "The new branch (default: paved/new-KIND-NAME).")
    String branch;

    @Option(names = "--base", paramLabel = "BRANCH",
            description = "The branch the pull request is for (default: the branch checked out).")
    String base;

    @Option(names = "--no-commit", description = "Write and validate the file, but commit nothing.")
    boolean noCommit;

    @Option(names = "--open-pr", paramLabel = "FORGE", description = "Push the branch to origin and open a pull"
            + " request: ${COMPLETION-CANDIDATES} (token from GITHUB_TOKEN or GITLAB_TOKEN, see"
            + " docs/pull-requests.md).")
    ForgeKind openPr;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Terminal.ColourMode colour;

    @Mixin
    PolicyOptions policy;

    @Mixin
    LoadOptions load;

    /** Scaffolds, validates and publishes {@code request} in the repo at {@code path}; prints what happened. */
    int run(Terminal terminal, Path path, ScaffoldRequest request) {
        if (noCommit && (openPr != null || branch != null || base != null)) {
            throw new PavedException("--no-commit commits nothing, so --open-pr, --branch and --base mean nothing"
                    + " with it; drop one or the other");
        }
        GoldenPath.Publishing publishing = new GoldenPath.Publishing(!noCommit, branch, base,
                Optional.ofNullable(openPr), new ForgeEnvironment(terminal.env(), RetryPolicy.DEFAULT,
                Clock.systemUTC()));
        GoldenPath.Outcome outcome = policy.withValidation(path, load.limits(), terminal, validation ->
                new GoldenPath(new ScaffoldService(validation, new DeclarationReader(load.limits())))
                        .run(path, request, publishing));
        terminal.out().print(ScaffoldTextReport.render(outcome, terminal.style(colour)));
        return ExitCodes.of(outcome.scaffold());
    }
}
