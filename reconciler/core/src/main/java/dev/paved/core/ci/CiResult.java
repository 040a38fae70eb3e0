package dev.paved.core.ci;

import dev.paved.core.finding.Finding;
import dev.paved.core.plan.Plan;
import dev.paved.core.source.ChangedFiles;
import java.util.List;
import java.util.Objects;

/**
 * What {@code paved ci} found at the head of a change: the findings in the files it changes (all findings with
 * {@code --all}), those elsewhere, and the plan of what merging would change in live state.
 *
 * @param changes    the revisions compared and the files the change touches
 * @param all        every finding counts, not only those in changed files
 * @param findings   the findings that count: in changed files (or all), and those of planning itself (a provider
 *                   that cannot be observed), errors first, then by location
 * @param outOfScope findings in files the change does not touch: counted, not listed
 * @param plan       the plan, exactly as {@code paved plan} makes it at head; null when it could not be made
 * @param notPlanned why there is no plan; null when there is one
 */
public record CiResult(ChangedFiles changes, boolean all, List<Finding> findings, List<Finding> outOfScope,
                       Plan plan, String notPlanned) {

    /** The outcome in one word. */
    public enum Verdict {
        /** No error, a plan without errors, no warning. */
        PASSED,
        /** No error and a plan, but warnings. */
        WARNINGS,
        /** Errors, or no (complete) plan. */
        FAILED
    }

    public CiResult {
        Objects.requireNonNull(changes, "changes");
        findings = List.copyOf(findings);
        outOfScope = List.copyOf(outOfScope);
        if ((plan == null) == (notPlanned == null)) {
            throw new IllegalArgumentException("a result has either a plan or the reason why not");
        }
    }

    public boolean planned() {
        return plan != null;
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    public long outOfScopeErrors() {
        return outOfScope.stream().filter(Finding::isError).count();
    }

    public long outOfScopeWarnings() {
        return outOfScope.size() - outOfScopeErrors();
    }

    public Verdict verdict() {
        if (errors() > 0 || !planned() || plan.hasErrors()) {
            return Verdict.FAILED;
        }
        return warnings() > 0 ? Verdict.WARNINGS : Verdict.PASSED;
    }
}
