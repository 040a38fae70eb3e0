package dev.paved.cli;

import dev.paved.core.apply.ApplyResult;
import dev.paved.core.ci.CiResult;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.plan.Plan;
import dev.paved.core.scaffold.ScaffoldResult;

/** Every exit code of {@code paved}, in one place (documented in docs/cli.md). */
public final class ExitCodes {

    /** Nothing wrong. */
    public static final int OK = 0;
    /** The input has problems: error findings (or warnings with --fail-on-warn). */
    public static final int FINDINGS = 1;
    /** The command could not run: bad usage, a path that does not exist, unreadable input. */
    public static final int USAGE = 2;
    /** A bug in Paved: please report it with the output of --verbose. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }

    /** Changes planned, with {@code --detailed-exitcode} (as Terraform). */
    public static final int CHANGES = 2;

    public static int of(Plan plan, boolean detailed) {
        return detailed && plan.hasChanges() ? CHANGES : OK;
    }

    public static int of(ApplyResult result) {
        return result.succeeded() ? OK : FINDINGS;
    }

    /** paved new: 1 when the new file has error findings (and was not kept). */
    public static int of(ScaffoldResult result) {
        return result.accepted() ? OK : FINDINGS;
    }

    /** {@code paved ci}: 1 when error findings count or there is no (complete) plan. */
    public static int of(CiResult result, boolean detailed) {
        if (result.verdict() == CiResult.Verdict.FAILED) {
            return FINDINGS;
        }
        return of(result.plan(), detailed);
    }

    public static int of(ValidationResult result, boolean failOnWarn) {
        boolean failed = !result.valid() || failOnWarn && result.warnings() > 0;
        return failed ? FINDINGS : OK;
    }
}
