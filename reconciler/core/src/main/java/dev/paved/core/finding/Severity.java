package dev.paved.core.finding;

/** How much a finding matters. Only errors make a result invalid. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
