package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import java.util.List;

/** Checks the rules that span files: references resolve, names are unique, nothing is circular. */
public final class ReferenceValidator {

    private final List<ReferenceRule> rules = List.of(new UniqueNameRule(), new OwnerRule(), new EnvironmentRule(),
            new DependencyRule(), new ProvisionerRule(), new CycleRule());

    /** Runs the rules in parallel (they only read the catalog); the caller sorts the findings. */
    public List<Finding> validate(Catalog catalog) {
        return rules.parallelStream().flatMap(rule -> {
            FindingSink sink = new FindingSink();
            rule.check(catalog, sink);
            return sink.findings().stream();
        }).toList();
    }
}
