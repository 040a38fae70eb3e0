package dev.paved.core.scaffold;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.DeclarationReader;
import dev.paved.core.parse.DeclaredName;
import dev.paved.core.parse.FileDeclarations;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a declaration from a golden-path template into a platform repo and validates the repo with it, exactly as
 * {@code paved validate} does (schemas, reference rules and the policies the validation service was built with).
 * A new file with error findings is taken out again, so that a refused scaffold leaves the repo as it was.
 */
public final class ScaffoldService {

    private final ValidationService validation;
    private final DeclarationReader reader;

    /** @param validation validates the repo with the new file, policies included as {@code paved validate} runs them */
    public ScaffoldService(ValidationService validation, DeclarationReader reader) {
        this.validation = validation;
        this.reader = reader;
    }

    /** @throws ScaffoldException when the request cannot be filled (name, team, template, existing file) */
    public ScaffoldResult scaffold(Path repo, ScaffoldRequest request) {
        DirectorySnapshot snapshot = DirectorySnapshot.open(repo);
        Template template = new TemplateLibrary(snapshot.root()).load(request.template(), request.templateVersion());
        Rendered rendered = Scaffolder.render(request, template, catalog(snapshot));
        Path target = snapshot.root().resolve(rendered.path());
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, rendered.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ScaffoldException(rendered.path() + " already exists; choose another name or remove the file");
        } catch (IOException e) {
            throw new ScaffoldException("write " + rendered.path() + ": " + e.getMessage(), e);
        }
        ValidationResult result = validation.validate(DirectorySnapshot.open(snapshot.root()));
        List<Finding> findings = result.findings().stream()
                .filter(f -> f.location().file().equals(rendered.path())).toList();
        boolean written = findings.stream().noneMatch(Finding::isError);
        if (!written) {
            try {
                Files.delete(target);
            } catch (IOException e) {
                throw new ScaffoldException("remove the refused " + rendered.path() + ": " + e.getMessage(), e);
            }
        }
        return new ScaffoldResult(rendered, result, findings, written);
    }

    /** What the repo declares now, read without checks: enough to know its teams and environments. */
    private Catalog catalog(DirectorySnapshot snapshot) {
        List<Declaration> declarations = new ArrayList<>();
        List<DeclaredName> unloaded = new ArrayList<>();
        for (SourceFile file : snapshot.files()) {
            if (file.size() > reader.limits().maxFileBytes()) {
                continue;
            }
            try {
                FileDeclarations loaded = reader.read(file.path(), snapshot.read(file));
                declarations.addAll(loaded.declarations());
                unloaded.addAll(loaded.unloaded());
            } catch (IOException e) {
                throw new ScaffoldException("read " + file.path() + ": " + e.getMessage(), e);
            }
        }
        return Catalog.of(declarations, unloaded);
    }
}
