package dev.paved.core.parse;

import dev.paved.core.finding.Finding;
import java.util.List;

/**
 * What one file yielded: its declarations, findings for whatever in it could not be loaded, and the names
 * of the declarations that could not be loaded but said who they are.
 */
public record FileDeclarations(String file, List<Declaration> declarations, List<Finding> findings,
                               List<DeclaredName> unloaded) {

    public FileDeclarations {
        declarations = List.copyOf(declarations);
        findings = List.copyOf(findings);
        unloaded = List.copyOf(unloaded);
    }

    public static FileDeclarations refused(Finding finding) {
        return new FileDeclarations(finding.location().file(), List.of(), List.of(finding), List.of());
    }
}
