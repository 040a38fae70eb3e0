package dev.paved.core.report;

/** Terminal styling for text reports: ANSI colours when enabled, plain text otherwise. */
public record Style(boolean colour) {

    public static final Style PLAIN = new Style(false);

    public String error(String text) {
        return wrap("1;31", text);
    }

    public String warning(String text) {
        return wrap("1;33", text);
    }

    public String ok(String text) {
        return wrap("1;32", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
