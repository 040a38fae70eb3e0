package dev.paved.core.scaffold;

import dev.paved.core.finding.Suggestions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's text: each {@code {{name}}} is replaced by its value; a block value (the environments a
 * service is deployed to) replaces a placeholder that stands alone on its line, one indented line per entry. An
 * unknown placeholder, a missing value or a stray {@code {{} is an error naming the file and line. Values are
 * put in as they are: each parameter's pattern keeps them from breaking the YAML around them.
 */
final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private TemplateRenderer() {
    }

    /** @param shown the template file as messages name it */
    static String render(String text, String shown, Map<String, TemplateValue> values) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String at = shown + ":" + (i + 1);
            String line = lines[i];
            Matcher whole = PLACEHOLDER.matcher(line.strip());
            if (whole.matches() && values.get(whole.group(1)) instanceof TemplateValue.Block block) {
                String indent = line.substring(0, line.indexOf('{'));
                for (int j = 0; j < block.lines().size(); j++) {
                    out.append(indent).append(block.lines().get(j)).append(j + 1 < block.lines().size() ? "\n" : "");
                }
            } else {
                out.append(fill(line, at, values));
            }
            if (i + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String fill(String line, String at, Map<String, TemplateValue> values) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            checkNoStrayBraces(line.substring(last, m.start()), at);
            String name = m.group(1);
            TemplateValue value = values.get(name);
            if (value == null) {
                throw new ScaffoldException(at + ": unknown placeholder {{" + name + "}}"
                        + Suggestions.didYouMean(name, values.keySet()) + "; known: "
                        + String.join(", ", values.keySet().stream().sorted().toList()));
            }
            if (value instanceof TemplateValue.Missing missing) {
                throw new ScaffoldException(missing.problem());
            }
            if (value instanceof TemplateValue.Block) {
                throw new ScaffoldException(at + ": {{" + name + "}} is a list of lines and must stand alone on its"
                        + " line");
            }
            out.append(line, last, m.start()).append(((TemplateValue.Scalar) value).text());
            last = m.end();
        }
        checkNoStrayBraces(line.substring(last), at);
        return out.append(line.substring(last)).toString();
    }

    private static void checkNoStrayBraces(String text, String at) {
        if (text.contains("{{")) {
            throw new ScaffoldException(at + ": '{{' does not open a placeholder such as {{name}}");
        }
    }
}
