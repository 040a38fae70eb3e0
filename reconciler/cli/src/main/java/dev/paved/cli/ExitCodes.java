package dev.paved.cli;

import dev.paved.core.pipeline.ValidationResult;

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

    public static int of(ValidationResult result, boolean failOnWarn) {
        boolean failed = !result.valid() || failOnWarn && result.warnings() > 0;
        return failed ? FINDINGS : OK;
    }
}
