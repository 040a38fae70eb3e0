package dev.paved.core.scaffold;

import java.util.List;

/**
 * A filled template, not yet written.
 *
 * @param path         where it goes, relative to the repo, e.g. {@code services/ledger-v2.yaml}
 * @param text         the declaration
 * @param environments the environments a service is deployed to (empty for an environment)
 */
public record Rendered(String path, String text, Template template, List<String> environments) {

    public Rendered {
        environments = List.copyOf(environments);
    }
}
