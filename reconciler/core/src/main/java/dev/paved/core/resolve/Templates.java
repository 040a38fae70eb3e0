package dev.paved.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${dependencies.NAME.OUTPUT}} references in environment variable values. */
public final class Templates {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{dependencies\\.([a-z][-a-z0-9]*)\\.([A-Za-z][A-Za-z0-9_]*)}");

    /** What a value shows while an output is not known yet (its dependency does not exist yet). */
    public static final String UNKNOWN = "(known after apply)";

    private Templates() {
    }

    public record Reference(String dependency, String output) {
    }

    public static List<Reference> references(String value) {
        List<Reference> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            references.add(new Reference(matcher.group(1), matcher.group(2)));
        }
        return references;
    }

    /**
     * Replaces every reference with {@code outputs.apply(dependency, output)}; when that is null the whole value
     * becomes {@link #UNKNOWN}.
     */
    public static String substitute(String value, BiFunction<String, String, String> outputs) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String resolved = outputs.apply(matcher.group(1), matcher.group(2));
            if (resolved == null) {
                return UNKNOWN;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether any value of the map holds a reference. */
    static boolean any(Map<String, String> values) {
        return values.values().stream().anyMatch(v -> REFERENCE.matcher(v).find());
    }
}
