package dev.paved.policy;

import java.util.List;
import java.util.Locale;

/** The Rego syntax policies are written in: v1 (OPA 1.x, the default) or v0 (OPA before 1.0), as Conftest's {@code --rego-version}. */
public enum RegoVersion {
    V0, V1;

    /** {@code v0} or {@code v1}, either case, as Conftest accepts them. */
    public static RegoVersion of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "v0" -> V0;
            case "v1" -> V1;
            default -> throw new PolicyException("invalid Rego version: " + name + " (v0 or v1)");
        };
    }

    /** The flags that make {@code opa build} and {@code opa parse} read this version. */
    List<String> opaFlags() {
        return this == V0 ? List.of("--v0-compatible") : List.of();
    }
}
