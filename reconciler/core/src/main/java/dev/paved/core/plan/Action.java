package dev.paved.core.plan;

/** What a plan does to one resource, with the symbol the text plan shows. */
public enum Action {
    CREATE("+"),
    UPDATE("~"),
    REPLACE("-/+"),
    DELETE("-"),
    NOOP(" ");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean changes() {
        return this != NOOP;
    }
}
