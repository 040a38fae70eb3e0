package dev.paved.core.report;

import java.util.Map;
import java.util.Optional;

/**
 * Where Paved's documentation explains a rule: the section of docs/ that lists it with what it checks and how to
 * fix it. Only Paved's own rules have one; a repo's own policies do not.
 *
 * @param base the URL Paved's docs/ folder is published under, without a final '/'
 */
public record RuleDocs(String base) {

    /** Rule id prefix → page and section. */
    static final Map<String, String> SECTIONS = Map.of(
            "load.", "validation.md#loading-what-is-refused-and-why",
            "schema.", "validation.md#schema-check",
            "ref.", "contract.md#reference-rules",
            "PAVED-SVC-", "policies.md#services-package-pavedservices",
            "PAVED-ENV-", "policies.md#environments-package-pavedenvironments",
            "PAVED-TEAM-", "policies.md#teams-package-pavedteams",
            "PAVED-RES-", "policies.md#shared-resources-package-pavedresources");

    public RuleDocs {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The section about {@code ruleId}, if Paved documents it. */
    public Optional<String> link(String ruleId) {
        return section(ruleId).map(section -> base + "/" + section);
    }

    static Optional<String> section(String ruleId) {
        return SECTIONS.entrySet().stream().filter(e -> ruleId.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }
}
