package dev.paved.cli;

import dev.paved.core.report.Style;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Where a command writes and what it knows of the terminal: output and error streams, the environment, and
 * whether a person is watching (colour is only used then, and never when {@code NO_COLOR} is set).
 */
public record Terminal(PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {

    public enum ColourMode { AUTO, ALWAYS, NEVER }

    public Style style(ColourMode mode) {
        boolean colour = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> interactive && !hasValue("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        };
        return new Style(colour);
    }

    private boolean hasValue(String name) {
        String value = env.get(name);
        return value != null && !value.isEmpty();
    }
}
