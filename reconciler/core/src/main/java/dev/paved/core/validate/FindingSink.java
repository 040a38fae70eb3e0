package dev.paved.core.validate;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Severity;
import dev.paved.core.parse.Declaration;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of reference rules, locating each at a node of a declaration. */
final class FindingSink {

    private final List<Finding> findings = new ArrayList<>();

    void error(String ruleId, Declaration at, String pointer, String message) {
        add(ruleId, Severity.ERROR, at, pointer, message);
    }

    void warning(String ruleId, Declaration at, String pointer, String message) {
        add(ruleId, Severity.WARNING, at, pointer, message);
    }

    List<Finding> findings() {
        return findings;
    }

    private void add(String ruleId, Severity severity, Declaration at, String pointer, String message) {
        findings.add(new Finding(ruleId, severity, at.locate(pointer), pointer, message));
    }
}
