package dev.paved.core.pipeline;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import java.util.List;

/**
 * The outcome of validating one snapshot.
 *
 * @param revision the snapshot's revision
 * @param digest   a digest of every declaration file's path and content: what a saved plan was made from
 * @param files    how many declaration files were read
 * @param catalog  every declaration that could be loaded, valid or not
 * @param findings every finding, in a stable order (file, line, column, rule)
 */
public record ValidationResult(String revision, String digest, int files, Catalog catalog, List<Finding> findings) {

    public ValidationResult {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    /** Valid means no error findings; warnings alone do not make a snapshot invalid. */
    public boolean valid() {
        return errors() == 0;
    }
}
