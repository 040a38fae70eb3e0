package dev.paved.core.forge;

import dev.paved.core.PavedException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forges Paved posts to, by the name used on the command line ({@code --post github}). */
public enum ForgeKind {
    GITHUB("github"),
    GITLAB("gitlab");

    private final String id;

    ForgeKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws PavedException naming the forges there are, when {@code id} is none of them */
    public static ForgeKind of(String id) {
        for (ForgeKind kind : values()) {
            if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new PavedException("unknown forge '" + id + "'; use one of " + Arrays.stream(values())
                .map(ForgeKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
