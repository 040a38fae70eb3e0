package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Conftest's {@code table} format, as its table library (tablewriter 1.1) draws it: box-drawing borders, a
 * centred upper-case header, a row per success, exception, warning and failure of each file and namespace; cells
 * trimmed, a multi-line cell spread over lines, tabs as eight spaces; nothing at all when there is no test.
 */
final class TableRenderer implements Renderer {

    private static final List<String> HEADER = List.of("RESULT", "FILE", "NAMESPACE", "MESSAGE");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckResult check : results) {
            for (int i = 0; i < check.successes(); i++) {
                rows.add(List.of("success", check.file(), check.namespace(), "SUCCESS"));
            }
            ConftestResult.exceptions(check).forEach(r -> rows.add(row("exception", check, r)));
            ConftestResult.warnings(check).forEach(r -> rows.add(row("warning", check, r)));
            ConftestResult.failures(check).forEach(r -> rows.add(row("failure", check, r)));
        }
        if (rows.isEmpty()) {
            return "";
        }
        List<List<String[]>> cells = rows.stream().map(TableRenderer::lines).toList();
        int[] widths = HEADER.stream().mapToInt(TableRenderer::width).toArray();
        for (List<String[]> row : cells) {
            for (int column = 0; column < widths.length; column++) {
                for (String line : row.get(column)) {
                    widths[column] = Math.max(widths[column], width(line));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        border('┌', '┬', '┐', widths, out);
        line(HEADER.toArray(String[]::new), widths, true, out);
        border('├', '┼', '┤', widths, out);
        for (List<String[]> row : cells) {
            int height = row.stream().mapToInt(lines -> lines.length).max().orElse(1);
            for (int i = 0; i < height; i++) {
                String[] visual = new String[widths.length];
                for (int column = 0; column < widths.length; column++) {
                    String[] lines = row.get(column);
                    visual[column] = i < lines.length ? lines[i] : "";
                }
                // tablewriter drops the blank lines of a multi-line row after its first
                if (i == 0 || Arrays.stream(visual).anyMatch(cell -> !cell.strip().isEmpty())) {
                    line(visual, widths, false, out);
                }
            }
        }
        border('└', '┴', '┘', widths, out);
        return out.toString();
    }

    private static List<String> row(String kind, CheckResult check, ConftestResult result) {
        return List.of(kind, check.file(), check.namespace(), result.message());
    }

    private static List<String[]> lines(List<String> row) {
        return row.stream().map(cell -> cell.strip().replace("\t", " ".repeat(8)).split("\n", -1)).toList();
    }

    private static void border(char left, char middle, char right, int[] widths, StringBuilder out) {
        out.append(left);
        for (int column = 0; column < widths.length; column++) {
            out.append(column == 0 ? "" : String.valueOf(middle)).append("─".repeat(widths[column] + 2));
        }
        out.append(right).append('\n');
    }

    private static void line(String[] cells, int[] widths, boolean centred, StringBuilder out) {
        out.append('│');
        for (int column = 0; column < widths.length; column++) {
            int gap = widths[column] - width(cells[column]);
            int left = centred ? gap / 2 : 0;
            out.append(' ').append(" ".repeat(left)).append(cells[column]).append(" ".repeat(gap - left))
                    .append(" │");
        }
        out.setLength(out.length() - 1);
        out.append("│\n");
    }

    /** Columns a terminal gives the text: escape sequences none, marks none, East Asian wide characters two. */
    static int width(String text) {
        return ANSI.matcher(text).replaceAll("").codePoints().map(TableRenderer::width).sum();
    }

    private static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || c == 0x200B) {
            return 0;
        }
        boolean wide = c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0x303E || c >= 0x3041 && c <= 0x33FF
                || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xA000 && c <= 0xA4CF
                || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x1F300 && c <= 0x1F64F
                || c >= 0x1F900 && c <= 0x1F9FF || c >= 0x20000 && c <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
