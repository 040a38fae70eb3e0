package dev.paved.cli;

import dev.paved.core.scaffold.ScaffoldRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved new}: a new service or environment from a golden-path template, as a branch and pull request. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a new declaration from one of the platform repo's golden-path templates"
                + " (templates/NAME/VERSION/), validate the repo with it as 'paved validate' does, commit it alone on"
                + " a new branch and, with --open-pr, push the branch and open the pull request.",
                "Exit status: 0 written (and committed), 1 the new file has error findings (nothing kept),"
                        + " 2 cannot run."},
        subcommands = {NewCommand.Service.class, NewCommand.Environment.class})
final class NewCommand {

    @ParentCommand
    private PavedCommand root;

    Terminal terminal() {
        return root.terminal();
    }

    /** {@code paved new service NAME --team T --template NAME}. */
    @Command(name = "service", mixinStandardHelpOptions = true,
            description = {"A new service: services/NAME.yaml from a Service template.",
                    "Example: paved new service ledger-v2 --team payments --template web-api --open-pr github"})
    static final class Service implements Callable<Integer> {

        @ParentCommand
        private NewCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The service's name: a DNS label.")
        private String name;

        @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The owner: a team in teams/.")
        private String team;

        @Option(names = "--template", required = true, paramLabel = "TEMPLATE",
                description = "The template, a folder of templates/, e.g. web-api, worker, cron-job.")
        private String template;

        @Option(names = "--env", paramLabel = "ENV", description = "Deploy to this environment (repeatable; default:"
                + " every development and staging environment).")
        private List<String> environments = new ArrayList<>();

        @Parameters(index = "1", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
                description = "The platform repo, a Git work tree (default: current directory).")
        private Path path;

        @Mixin
        private NewOptions options;

        @Override
        public Integer call() {
            return options.run(parent.terminal(), path, ScaffoldRequest.service(name, team, template,
                    options.templateVersion, environments, options.settings));
        }
    }

    /** {@code paved new environment NAME --tier T}. */
    @Command(name = "environment", mixinStandardHelpOptions = true,
            description = {"A new environment: environments/NAME.yaml from an Environment template.",
                    "Example: paved new environment qa --tier staging --set promotionFrom=dev"})
    static final class Environment implements Callable<Integer> {

        @ParentCommand
        private NewCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The environment's name: a DNS label.")
        private String name;

        @Option(names = "--tier", required = true, paramLabel = "TIER",
                description = "development, staging, production or ephemeral.")
        private String tier;

        @Option(names = "--template", defaultValue = "environment", paramLabel = "TEMPLATE",
                description = "The template (default: ${DEFAULT-VALUE}).")
        private String template;

        @Parameters(index = "1", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
                description = "The platform repo, a Git work tree (default: current directory).")
        private Path path;

        @Mixin
        private NewOptions options;

        @Override
        public Integer call() {
            return options.run(parent.terminal(), path, ScaffoldRequest.environment(name, tier, template,
                    options.templateVersion, options.settings));
        }
    }
}
