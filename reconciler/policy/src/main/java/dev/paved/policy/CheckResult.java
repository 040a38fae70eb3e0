package dev.paved.policy;

import java.util.List;

/**
 * What one namespace's rules said about one input document, counted as Conftest counts: every definition of a
 * deny, violation or warn rule that produced nothing (or whose results an exception covered) is a success.
 *
 * @param file       the input's file
 * @param namespace  e.g. {@code main} or {@code paved.services}
 * @param successes  how many rule definitions passed
 * @param failures   deny and violation results
 * @param warnings   warn results
 * @param exceptions rules an {@code exception} rule exempted, by name
 */
public record CheckResult(String file, String namespace, int successes, List<PolicyResult> failures,
                          List<PolicyResult> warnings, List<String> exceptions) {

    public CheckResult {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        exceptions = List.copyOf(exceptions);
    }

    /** The results of several documents of one file, as one (how Conftest reports a multi-document file). */
    public static CheckResult combine(String file, String namespace, List<CheckResult> documents) {
        int successes = 0;
        List<PolicyResult> failures = new java.util.ArrayList<>();
        List<PolicyResult> warnings = new java.util.ArrayList<>();
        List<String> exceptions = new java.util.ArrayList<>();
        for (CheckResult document : documents) {
            successes += document.successes();
            failures.addAll(document.failures());
            warnings.addAll(document.warnings());
            exceptions.addAll(document.exceptions());
        }
        return new CheckResult(file, namespace, successes, failures, warnings, exceptions);
    }
}
