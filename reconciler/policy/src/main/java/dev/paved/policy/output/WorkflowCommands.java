package dev.paved.policy.output;

/**
 * Escaping for GitHub Actions workflow commands ({@code ::error file=F,line=L::message}), as GitHub asks: the
 * {@code github} format and {@code paved ci} share it.
 */
public final class WorkflowCommands {

    private WorkflowCommands() {
    }

    /** The message: {@code %}, CR and LF escaped, so a multi-line message stays one annotation. */
    public static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value ({@code file=…}): as data, and {@code :} and {@code ,} too. */
    public static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
