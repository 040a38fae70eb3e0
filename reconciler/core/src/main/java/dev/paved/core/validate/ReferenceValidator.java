package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import java.util.List;

/** Checks the rules that span files: references resolve, names are unique, nothing is circular. */
public final class ReferenceValidator {

    private final List<ReferenceRule> rules = List.of(new UniqueNameRule(), new OwnerRule(), new EnvironmentRule(),
            new DependencyRule(), new ProvisionerRule(), new CycleRule());

    public List<Finding> validate(Catalog catalog) {
        FindingSink sink = new FindingSink();
        for (ReferenceRule rule : rules) {
            rule.check(catalog, sink);
        }
        return sink.findings();
    }
}
