package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Specs;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;

/**
 * {@code ref.owner}: services and shared resources are owned by a Team that exists.
 * {@code ref.team-parent}: a team's parent is another Team that exists.
 */
final class OwnerRule implements ReferenceRule {

    @Override
    public void check(Catalog catalog, FindingSink out) {
        for (Kind kind : new Kind[] {Kind.SERVICE, Kind.RESOURCE}) {
            for (Declaration declaration : catalog.of(kind)) {
                checkTeam(catalog, out, "ref.owner", declaration, "/spec/owner", "team");
            }
        }
        for (Declaration team : catalog.of(Kind.TEAM)) {
            if (team.name().equals(Specs.text(team, "/spec/parent"))) {
                out.error("ref.team-parent", team, "/spec/parent", "a team cannot be its own parent");
            } else {
                checkTeam(catalog, out, "ref.team-parent", team, "/spec/parent", "parent team");
            }
        }
    }

    private static void checkTeam(Catalog catalog, FindingSink out, String ruleId, Declaration declaration,
                                  String pointer, String noun) {
        String team = Specs.text(declaration, pointer);
        if (!team.isEmpty() && !catalog.declares(Kind.TEAM, team)) {
            out.error(ruleId, declaration, pointer, References.missing(catalog, Kind.TEAM, noun, team));
        }
    }
}
