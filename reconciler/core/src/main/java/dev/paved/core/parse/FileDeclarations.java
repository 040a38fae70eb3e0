package dev.paved.core.parse;

import dev.paved.core.finding.Finding;
import java.util.List;

/** What one file yielded: its declarations, and findings for whatever in it could not be loaded. */
public record FileDeclarations(String file, List<Declaration> declarations, List<Finding> findings) {

    public FileDeclarations {
        declarations = List.copyOf(declarations);
        findings = List.copyOf(findings);
    }

    static FileDeclarations refused(Finding finding) {
        return new FileDeclarations(finding.location().file(), List.of(), List.of(finding));
    }
}
