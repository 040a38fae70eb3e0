package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.List;

/** How many results of each kind, and Conftest's summary line of them. */
record Totals(int successes, int failures, int warnings, int exceptions) {

    static Totals of(CheckResult check) {
        return new Totals(check.successes(), check.failures().size(), check.warnings().size(),
                check.exceptions().size());
    }

    static Totals of(List<CheckResult> checks) {
        Totals totals = new Totals(0, 0, 0, 0);
        for (CheckResult check : checks) {
            Totals one = of(check);
            totals = new Totals(totals.successes + one.successes, totals.failures + one.failures,
                    totals.warnings + one.warnings, totals.exceptions + one.exceptions);
        }
        return totals;
    }

    int tests() {
        return successes + failures + warnings + exceptions;
    }

    /** e.g. {@code 12 tests, 8 passed, 1 warning, 2 failures, 1 exception}. */
    @Override
    public String toString() {
        return tests() + plural(" test", tests()) + ", " + successes + " passed, " + warnings
                + plural(" warning", warnings) + ", " + failures + plural(" failure", failures) + ", " + exceptions
                + plural(" exception", exceptions);
    }

    private static String plural(String noun, int n) {
        return n == 1 ? noun : noun + "s";
    }
}
