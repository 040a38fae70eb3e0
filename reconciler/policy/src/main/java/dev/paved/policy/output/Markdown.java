package dev.paved.policy.output;

/** Text from policies and findings made safe for Markdown: the pull-request comments share it. */
public final class Markdown {

    private Markdown() {
    }

    /** Safe inside a table cell: no pipe, newline, HTML or Markdown markup survives as such. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        String normalised = text.strip().replace("\r\n", "\n").replace('\r', '\n');
        for (char c : normalised.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("<br>");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '~', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
