package dev.paved.core.pipeline;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.DeclarationReader;
import dev.paved.core.parse.DeclaredName;
import dev.paved.core.parse.FileDeclarations;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.source.Snapshot;
import dev.paved.core.source.SourceFile;
import dev.paved.core.validate.ReferenceValidator;
import dev.paved.core.validate.SchemaValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires source → parse → validate for one snapshot: files are read, parsed and schema-checked in parallel,
 * then the reference rules run over the whole catalog. The one entry point the CLI and the daemon share.
 * Thread-safe; build one per process (loading the schemas is the expensive part).
 */
public final class ValidationService {

    private static final Logger log = LoggerFactory.getLogger(ValidationService.class);

    private final DeclarationReader reader;
    private final SchemaValidator schemas;
    private final ReferenceValidator references = new ReferenceValidator();
    private final PolicyStage policies;
    private final DeclarationCache cache;
    private final ValidationMemory memory;

    public ValidationService(LoadLimits limits) {
        this(limits, (PolicyStage) null);
    }

    /** @param policies Conftest policies every declaration is checked against, or null for none */
    public ValidationService(LoadLimits limits, PolicyStage policies) {
        this(limits, policies, null);
    }

    /**
     * @param policies Conftest policies every declaration is checked against, or null for none
     * @param cache    where files loaded cleanly before are remembered, or null to load every file
     */
    public ValidationService(LoadLimits limits, PolicyStage policies, DeclarationCache cache) {
        this(limits, policies, cache, null);
    }

    /**
     * For a long-running process validating one repo commit after commit: files whose content did not change
     * since the last snapshot are not loaded again.
     */
    public ValidationService(LoadLimits limits, ValidationMemory memory) {
        this(limits, null, null, memory);
    }

    private ValidationService(LoadLimits limits, PolicyStage policies, DeclarationCache cache,
                              ValidationMemory memory) {
        this.reader = new DeclarationReader(limits);
        this.schemas = SchemaValidator.load();
        this.policies = policies;
        this.cache = cache;
        this.memory = memory;
    }

    public ValidationResult validate(Snapshot snapshot) {
        long started = System.nanoTime();
        DeclarationCache.Run cached = cache == null ? null : cache.open(reader.limits());
        AtomicInteger remembered = new AtomicInteger();
        List<FileOutcome> outcomes = snapshot.files().parallelStream().map(file -> {
            Optional<FileOutcome> known = memory == null ? Optional.empty() : memory.find(snapshot, file);
            known.ifPresent(outcome -> remembered.incrementAndGet());
            return known.orElseGet(() -> load(snapshot, file, cached));
        }).toList();
        if (cached != null) {
            cached.save();
        }
        if (memory != null) {
            memory.remember(snapshot, outcomes);
        }
        List<Declaration> declarations = new ArrayList<>();
        List<DeclaredName> unloaded = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(snapshot.findings());
        Digests.Builder digest = new Digests.Builder();
        for (int i = 0; i < outcomes.size(); i++) {
            FileOutcome outcome = outcomes.get(i);
            digest.add(snapshot.files().get(i).path(), outcome.digest());
            declarations.addAll(outcome.file().declarations());
            unloaded.addAll(outcome.file().unloaded());
            findings.addAll(outcome.file().findings());
            findings.addAll(outcome.schemaFindings());
        }
        long loaded = System.nanoTime();
        Catalog catalog = Catalog.of(declarations, unloaded);
        findings.addAll(references.validate(catalog));
        long referenced = System.nanoTime();
        if (policies != null) {
            findings.addAll(policies.check(catalog));
        }
        Collections.sort(findings);
        ValidationResult result = new ValidationResult(snapshot.revision(), digest.build(), snapshot.files().size(),
                catalog, findings);
        log.debug("validated {} files ({} unchanged since the last snapshot), {} declarations: {} errors, {} warnings"
                + " in {} ms (loading {} ms, catalog and reference rules {} ms)", result.files(), remembered.get(),
                catalog.size(), result.errors(), result.warnings(), (System.nanoTime() - started) / 1_000_000,
                (loaded - started) / 1_000_000, (referenced - loaded) / 1_000_000);
        return result;
    }

    /** What loading and schema-checking one file gave. */
    record FileOutcome(FileDeclarations file, List<Finding> schemaFindings, byte[] digest) {
    }

    private FileOutcome load(Snapshot snapshot, SourceFile file, DeclarationCache.Run cached) {
        if (file.size() > reader.limits().maxFileBytes()) {
            return new FileOutcome(FileDeclarations.refused(reader.tooLarge(file.path(), file.size())), List.of(),
                    Digests.of(file.path() + ":" + file.size()));
        }
        byte[] bytes;
        try {
            bytes = snapshot.read(file);
        } catch (IOException e) {
            Finding unreadable = Finding.error("load.unreadable", Location.ofFile(file.path()), "",
                    "cannot be read: " + e.getMessage());
            return new FileOutcome(FileDeclarations.refused(unreadable), List.of(), Digests.of(file.path()));
        }
        byte[] digest = Digests.of(bytes);
        if (cached != null) {
            var reloaded = cached.find(digest).flatMap(trees -> reader.reload(file.path(), bytes, trees));
            if (reloaded.isPresent()) {
                return new FileOutcome(reloaded.get(), List.of(), digest);
            }
        }
        FileDeclarations loaded = reader.read(file.path(), bytes);
        List<Finding> schemaFindings = new ArrayList<>();
        for (Declaration declaration : loaded.declarations()) {
            schemaFindings.addAll(schemas.validate(declaration));
        }
        if (cached != null && loaded.findings().isEmpty() && loaded.unloaded().isEmpty() && schemaFindings.isEmpty()) {
            cached.remember(digest, loaded.declarations());
        }
        return new FileOutcome(loaded, schemaFindings, digest);
    }
}
