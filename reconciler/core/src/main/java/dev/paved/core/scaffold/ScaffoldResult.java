package dev.paved.core.scaffold;

import dev.paved.core.finding.Finding;
import dev.paved.core.pipeline.ValidationResult;
import java.util.List;

/**
 * A scaffolded declaration and what validating the repo with it said.
 *
 * @param validation the whole repo, the new file included
 * @param findings   the findings in the new file
 * @param written    whether the file is in the repo: false when it had errors and was taken out again
 */
public record ScaffoldResult(Rendered rendered, ValidationResult validation, List<Finding> findings,
                             boolean written) {

    public ScaffoldResult {
        findings = List.copyOf(findings);
    }

    /** No error in the new file: it may be committed. */
    public boolean accepted() {
        return findings.stream().noneMatch(Finding::isError);
    }

    /** Errors elsewhere in the repo, which the new file did not cause and which do not stop it. */
    public long errorsElsewhere() {
        return validation.errors() - findings.stream().filter(Finding::isError).count();
    }
}
