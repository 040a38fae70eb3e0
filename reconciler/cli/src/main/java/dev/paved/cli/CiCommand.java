package dev.paved.cli;

import dev.paved.core.ci.CiPoster;
import dev.paved.core.ci.CiResult;
import dev.paved.core.ci.CiService;
import dev.paved.core.ci.CiStatuses;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.forge.ForgeEnvironment;
import dev.paved.core.forge.ForgeKind;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.ChangedFiles;
import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.core.source.GitRepository;
import dev.paved.policy.CompiledPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paved ci --base REF}: the check of a pull request. Validation and policies at the head commit, findings in
 * the files the change touches, and the plan of what merging would change, made as {@code paved plan} makes it.
 */
@Command(name = "ci", mixinStandardHelpOptions = true,
        description = {"Check a change to the platform repo as a pull request needs it: validation and policies at"
                + " the head commit (findings in the files it changes), and the plan of what merging would change"
                + " per environment. Reads commits from Git; changes nothing.",
                "Exit status: 0 passed, 1 error findings in changed files or no plan, 2 cannot run; with"
                        + " --detailed-exitcode, 2 also when it passed and the plan has changes."})
final class CiCommand implements Callable<Integer> {

    @ParentCommand
    private PavedCommand root;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "The platform repo: a Git work tree, a folder of one, or a bare repository (default:"
                    + " current directory).")
    private Path path;

    @Option(names = "--base", required = true, paramLabel = "REF",
            description = "What the change is compared with, e.g. origin/main: files changed since head left it count.")
    private String base;

    @Option(names = "--head", defaultValue = "HEAD", paramLabel = "REF",
            description = "The commit checked and planned (default: ${DEFAULT-VALUE}).")
    private String head;

    @Option(names = "--all", description = "Every finding counts, not only those in changed files.")
    private boolean all;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the check passed and the plan has changes.")
    private boolean detailedExitCode;

    @Option(names = "--post", paramLabel = "FORGE", description = "Post the comment to the pull request (created"
            + " once, then updated in place) and set a commit status per environment: ${COMPLETION-CANDIDATES}; the"
            + " token and the pull request come from the CI job's environment (see docs/pull-requests.md).")
    private ForgeKind post;

    @Mixin
    private PlanningOptions planning;

    @Mixin
    private PolicyOptions policy;

    @Mixin
    private CiOutputOptions output;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        List<CiOutputOptions.Target> targets = output.targets();
        try (GitRepository git = GitRepository.open(path)) {
            ChangedFiles changes = git.changes(base, head);
            GitCommitSnapshot snapshot = git.snapshot(changes.headCommit());
            List<CompiledPolicy> compiled = policy.load(snapshot, terminal);
            PavedConfig config = planning.config(terminal.env());
            CiResult result;
            try (ProviderInstances instances = planning.instances(config, terminal.env());
                 PolicyStage policies = compiled.isEmpty() ? null : new PolicyStage(compiled)) {
                result = new CiService(planning.planService(config, git.directory()), policies)
                        .check(snapshot, changes, instances, planning.scope.request(), all);
            }
            CiFormat.Context context = output.context(terminal, changes.headCommit(), git.folder());
            output.write(result, targets, context, terminal);
            if (post != null) {
                CiPoster.Posted posted = CiPoster.post(ForgeEnvironment.fromEnvironment(post, terminal.env()), result,
                        CiFormat.MARKDOWN.render(result, context));
                terminal.err().println(describe(post, posted));
            }
            return ExitCodes.of(result, detailedExitCode);
        }
    }

    /** {@code Posted to github pull request #12: comment updated, https://…; statuses paved/dev, paved/prod set.} */
    private static String describe(ForgeKind forge, CiPoster.Posted posted) {
        String comment = posted.comment().action().name().toLowerCase(Locale.ROOT)
                + posted.comment().url().map(url -> ", " + url).orElse("");
        String statuses = posted.statuses().stream().map(CiStatuses.Status::context)
                .collect(Collectors.joining(", "));
        return "Posted to " + forge + " pull request " + posted.pullRequest() + ": comment " + comment + "; "
                + (posted.statuses().size() == 1 ? "status " : "statuses ") + statuses + " set.";
    }
}
