package dev.paved.daemon.cycle;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Declaration;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.policy.RepoPolicies;
import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.policy.BuiltInLibrary;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.PolicyLoader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies of the daemon's cycles: the built-in library and the commit's own {@code policy/} folder, kept
 * compiled and instantiated from one commit to the next while the folder does not change. Each declaration's
 * findings are remembered; a commit re-checks the declarations it changed and those linked to them
 * ({@link DeclarationGraph}: what a rule that looks across files looks up), and keeps the others' findings. A full
 * check re-checks everything: the first, one after the policies changed, and every full resync.
 */
final class PolicyCheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyCheck.class);

    private final PolicyLoader loader;
    private CompiledPolicy builtIn;
    private Optional<String> repoPolicies = Optional.empty();
    private PolicyStage stage;
    private Catalog checked;
    private Map<Declaration, List<Finding>> findings = new IdentityHashMap<>();

    PolicyCheck(PolicyLoader loader) {
        this.loader = loader;
    }

    /** The policy findings of {@code catalog}, the catalog of {@code snapshot}, whose links are {@code graph}. */
    List<Finding> check(GitCommitSnapshot snapshot, Catalog catalog, DeclarationGraph graph, boolean full) {
        long started = System.nanoTime();
        Optional<String> folder = snapshot.folderId(RepoPolicies.FOLDER);
        boolean sameStage = stage != null && folder.equals(repoPolicies);
        if (!sameStage) {
            open(snapshot, folder);
        }
        List<Declaration> again;
        if (full || !sameStage || checked == null) {
            again = catalog.all();
        } else {
            Set<String> around = graph.around(DeclarationGraph.changed(checked, catalog));
            again = catalog.all().stream().filter(d -> around.contains(d.ref()) || !findings.containsKey(d))
                    .toList();
        }
        Map<Declaration, List<Finding>> now = new IdentityHashMap<>(stage.checkEach(catalog, again));
        if (again.size() > 1000) {
            stage.shrink(); // the next checks are of a few declarations: one instance of each module will do
        }
        for (Declaration declaration : catalog.all()) {
            now.computeIfAbsent(declaration, findings::get);
        }
        findings = now;
        checked = catalog;
        List<Finding> all = new ArrayList<>();
        catalog.all().forEach(declaration -> all.addAll(now.get(declaration)));
        log.debug("checked policies of {} of {} declarations in {} ms", again.size(), catalog.size(),
                (System.nanoTime() - started) / 1_000_000);
        return all;
    }

    /** Compiles the commit's policies (through the policy cache) and instantiates them with the built-in ones. */
    private void open(GitCommitSnapshot snapshot, Optional<String> folder) {
        close();
        if (builtIn == null) {
            builtIn = BuiltInLibrary.load().policy();
        }
        List<CompiledPolicy> compiled = new ArrayList<>();
        compiled.add(builtIn);
        RepoPolicies.of(snapshot, loader).ifPresent(compiled::add);
        stage = new PolicyStage(compiled);
        repoPolicies = folder;
        checked = null;
        findings = new IdentityHashMap<>();
    }

    @Override
    public void close() {
        if (stage != null) {
            stage.close();
            stage = null;
        }
    }
}
