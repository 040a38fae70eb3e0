package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;

/** {@code ref.unique-name}: a name is declared once per kind. */
final class UniqueNameRule implements ReferenceRule {

    @Override
    public void check(Catalog catalog, FindingSink out) {
        for (Kind kind : Kind.values()) {
            for (Declaration declaration : catalog.of(kind)) {
                if (declaration.name().isEmpty()) {
                    continue;
                }
                Declaration first = catalog.find(kind, declaration.name()).orElseThrow();
                if (first != declaration) {
                    out.error("ref.unique-name", declaration, "/metadata/name", kind.yamlName() + " '"
                            + declaration.name() + "' is already declared at " + first.location());
                }
            }
        }
    }
}
