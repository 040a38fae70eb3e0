package dev.paved.cli.dev;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A YAML document written line by line, two spaces per indent level. Values that YAML would not read back
 * as the same string (numbers, booleans, anything with a ': ' or a leading indicator) are double-quoted.
 */
final class YamlLines {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9 ._/:@,;()'-]*[A-Za-z0-9._/)'-])?");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false",
            "null", "~");

    private final StringBuilder out = new StringBuilder(4096);

    YamlLines line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
        return this;
    }

    YamlLines comment(int indent, String text) {
        return line(indent, "# " + text);
    }

    /** {@code key: value}, quoting the value when it needs it. */
    YamlLines field(int indent, String key, String value) {
        return line(indent, key + ": " + scalar(value));
    }

    /** {@code key: 42}, a number written as it is. */
    YamlLines number(int indent, String key, Number value) {
        return line(indent, key + ": " + value);
    }

    /** {@code key: "value"}, always quoted, as environment variable values are written. */
    YamlLines quoted(int indent, String key, String value) {
        return line(indent, key + ": " + quote(value));
    }

    /** {@code key:} opening a nested mapping or sequence. */
    YamlLines open(int indent, String key) {
        return line(indent, key + ":");
    }

    /** {@code key: [a, b]}, a flow sequence of plain or quoted scalars. */
    YamlLines flow(int indent, String key, List<String> values) {
        return line(indent, key + ": [" + String.join(", ", values.stream().map(YamlLines::scalar).toList()) + "]");
    }

    /** A long description as a folded block ({@code >-}), one line per sentence. */
    YamlLines folded(int indent, String key, List<String> sentences) {
        line(indent, key + ": >-");
        sentences.forEach(sentence -> line(indent + 1, sentence));
        return this;
    }

    static String scalar(String value) {
        boolean plain = PLAIN.matcher(value).matches() && !NUMBER.matcher(value).matches()
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT)) && !value.contains(": ") && !value.contains(" #");
        return plain ? value : quote(value);
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    String text() {
        return out.toString();
    }
}
