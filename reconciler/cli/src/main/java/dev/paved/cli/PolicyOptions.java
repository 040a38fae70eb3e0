package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.policy.RepoPolicies;
import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.policy.BuiltInLibrary;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCache;
import dev.paved.policy.PolicyException;
import dev.paved.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Which policies a check of a platform repo runs: by default the built-in library (compiled into Paved) and the
 * repo's own {@code policy/} folder (compiled with opa when it changed, see {@link PolicyCache}), plus any given
 * with {@code --policy}.
 */
final class PolicyOptions {

    /** The folder of a platform repo that holds its own policies. */

    @Option(names = "--policy", paramLabel = "PATH", description = "Also check every declaration against these"
            + " Conftest-style policies: a directory of Rego (compiled with opa, cached) or a bundle built with"
            + " 'paved policy build' (repeatable).")
    List<Path> extra = new ArrayList<>();

    @Option(names = "--no-builtin-policies", description = "Do not run Paved's built-in policy library.")
    boolean noBuiltin;

    @Option(names = "--no-repo-policies", description = "Do not run the policies in the repo's policy/ folder.")
    boolean noRepo;

    @Option(names = "--no-policies", description = "Run no policies at all: schemas and reference rules only.")
    boolean none;

    /** The compiled policies to run over the repo, in order: built-in, the repo's, then --policy ones. */
    List<CompiledPolicy> load(Path repo, Terminal terminal) {
        return load(repo, terminal, false);
    }

    /** @param withoutRepo leave the repo's own policies out (the caller loads them from elsewhere) */
    private List<CompiledPolicy> load(Path repo, Terminal terminal, boolean withoutRepo) {
        if (none && !extra.isEmpty()) {
            throw new PavedException("--no-policies and --policy contradict each other; use one");
        }
        if (none) {
            return List.of();
        }
        PolicyLoader loader = loader(terminal);
        List<CompiledPolicy> policies = new ArrayList<>();
        try {
            if (!noBuiltin) {
                policies.add(BuiltInLibrary.load().policy());
            }
            if (!noRepo && !withoutRepo) {
                RepoPolicies.of(repo, loader).ifPresent(policies::add);
            }
            for (Path path : extra) {
                policies.add(loader.load(path));
            }
        } catch (PolicyException e) {
            throw new PavedException(e.getMessage(), e);
        }
        return policies;
    }

    /**
     * Runs {@code work} with a validation service that checks a repo as {@code paved validate} does: schemas,
     * reference rules and these policies (compiled once, released afterwards).
     */
    <T> T withValidation(Path repo, LoadLimits limits, Terminal terminal, Function<ValidationService, T> work) {
        List<CompiledPolicy> compiled = load(repo, terminal);
        if (compiled.isEmpty()) {
            return work.apply(new ValidationService(limits));
        }
        try (PolicyStage policies = new PolicyStage(compiled)) {
            return work.apply(new ValidationService(limits, policies));
        }
    }

    /**
     * The compiled policies to run over the repo at a commit: as {@link #load(Path, Terminal)}, with the
     * {@code policy/} folder of that commit (written to a temporary directory to be compiled, or found in the cache).
     */
    List<CompiledPolicy> load(GitCommitSnapshot head, Terminal terminal) {
        List<CompiledPolicy> policies = new ArrayList<>(load(Path.of(""), terminal, true));
        if (!none && !noRepo) {
            RepoPolicies.of(head, loader(terminal)).ifPresent(policies::add);
        }
        return policies;
    }

    /** Bundles as they are, directories compiled through the cache the environment names; opa found lazily. */
    static PolicyLoader loader(Terminal terminal) {
        return new PolicyLoader(PolicyCache.location(terminal.env()).map(PolicyCache::new),
                () -> OpaBinary.locate(terminal.env()));
    }
}
