package dev.paved.core.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the platform repo. Findings are values: every stage reports them, none throws them.
 *
 * @param ruleId   stable identifier of the rule, e.g. {@code ref.owner} or {@code schema.required}
 * @param severity error or warning
 * @param location file, document, line and column the finding points at
 * @param pointer  JSON pointer (RFC 6901) into the document, {@code ""} for the document itself
 * @param message  what is wrong, for a developer who has not read the schema
 * @param hint     how to fix it, when the rule says so (a policy result's {@code hint} or {@code fix}); {@code ""}
 *                 otherwise
 */
public record Finding(String ruleId, Severity severity, Location location, String pointer, String message,
                      String hint) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::pointer)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /** A finding without a hint. */
    public Finding(String ruleId, Severity severity, Location location, String pointer, String message) {
        this(ruleId, severity, location, pointer, message, "");
    }

    public static Finding error(String ruleId, Location location, String pointer, String message) {
        return new Finding(ruleId, Severity.ERROR, location, pointer, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The pointer as a developer reads it: {@code spec.dependencies[0].name}. */
    public String path() {
        return Pointers.display(pointer);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        String path = path();
        return location + " " + (path.isEmpty() ? "" : path + ": ") + message + " [" + ruleId + "]";
    }
}
