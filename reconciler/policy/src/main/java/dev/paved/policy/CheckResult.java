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
}
