package dev.paved.cli.dev;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out unique DNS-label names: a base that is taken gets a numeric suffix ({@code ledger-api-2}). One
 * registry serves every kind, so no name means two things in a generated repo.
 */
final class NameRegistry {

    private static final int MAX_LENGTH = 63;

    private final Set<String> taken = new HashSet<>();

    String claim(String base) {
        if (base.length() > MAX_LENGTH - 6) {
            throw new IllegalArgumentException("name base too long: " + base);
        }
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
