package dev.paved.provider;

/**
 * How providers mark what Paved owns. Every resource a provider creates carries the mark, with the owning
 * declaration; observe reports only marked resources, and nothing unmarked is ever updated or deleted.
 */
public final class Ownership {

    /** The value of the mark, e.g. in a {@code app.kubernetes.io/managed-by} label or a database comment. */
    public static final String MANAGED_BY = "paved";

    private Ownership() {
    }
}
