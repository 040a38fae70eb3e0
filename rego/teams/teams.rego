# Teams: people can reach a team, and every team declared is one that something needs.
package paved.teams

import data.paved.lib

# PAVED-TEAM-001: a team has at least one way to reach it (the schema requires it too; this rule keeps the
# check when policies run without the schema, e.g. under plain Conftest).
warn_contact contains result if {
	input.kind == "Team"
	contacts := object.get(input.spec, "contacts", {})
	count([value | some value in contacts; value != ""]) == 0
	result := {
		"msg": "team has no contacts, so nobody knows how to reach its owners; add spec.contacts.email, chat or pager",
		"rule": "PAVED-TEAM-001",
		"pointer": "/spec",
	}
}

# PAVED-TEAM-002: a team owns something (a service or a shared resource) or has sub-teams; otherwise it is
# probably a leftover from a reorganisation. Needs the catalog.
warn_unused contains result if {
	input.kind == "Team"
	count(lib.catalog) > 0
	team := input.metadata.name
	not owns_something(team)
	not has_children(team)
	result := {
		"msg": "team owns no service or resource and has no sub-teams; remove it, or give it something to own",
		"rule": "PAVED-TEAM-002",
		"pointer": "/metadata/name",
	}
}

owns_something(team) if count(lib.referred_by("teams", team, "services")) > 0

owns_something(team) if count(lib.referred_by("teams", team, "resources")) > 0

owns_something(team) if {
	not lib.referrers_known
	lib.services[_].spec.owner == team
}

owns_something(team) if {
	not lib.referrers_known
	lib.resources[_].spec.owner == team
}

has_children(team) if count(lib.referred_by("teams", team, "teams")) > 0

has_children(team) if {
	not lib.referrers_known
	lib.teams[_].spec.parent == team
}
