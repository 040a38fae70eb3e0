package dev.paved.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The data document policies see, as JSON that changes by small steps: a base document and the patches made to it
 * since (a value put at a path, or a path removed). An instance of the module that has the base and some of the
 * patches applies only the rest, so a daemon whose catalog changed by one declaration sends the module that one
 * declaration, not the whole catalog again (parsing a large catalog inside the module costs seconds). Immutable:
 * {@link #with} gives a new document of the same lineage.
 *
 * @param base    the base document, as JSON; instances recognise it by identity
 * @param patches what was done to it since, in order
 */
public record PolicyData(String base, List<Patch> patches) {

    /** A value (JSON) put at a path of object keys, or, with a null value, the path removed. */
    public record Patch(List<String> path, String value) {

        public Patch {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a patch needs a path");
            }
        }

        public static Patch put(List<String> path, String value) {
            return new Patch(path, value);
        }

        public static Patch remove(List<String> path) {
            return new Patch(path, null);
        }
    }

    public PolicyData {
        patches = List.copyOf(patches);
    }

    /** A document with no patches yet. */
    public static PolicyData of(String json) {
        return new PolicyData(json, List.of());
    }

    /** This document with {@code more} patches after its own. */
    public PolicyData with(List<Patch> more) {
        List<Patch> all = new ArrayList<>(patches.size() + more.size());
        all.addAll(patches);
        all.addAll(more);
        return new PolicyData(base, all);
    }

    /** The characters of the base and of every patch's value: what sending it all would cost. */
    public long weight() {
        long weight = base.length();
        for (Patch patch : patches) {
            weight += patch.value() == null ? 0 : patch.value().length();
        }
        return weight;
    }
}
