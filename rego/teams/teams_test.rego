package paved.teams_test

import data.paved.fixtures
import data.paved.teams

catalog := fixtures.catalog

# --- PAVED-TEAM-001: a team has a contact

test_contact_passes_with_contacts if {
	count(teams.warn_contact) == 0 with input as fixtures.team
}

test_contact_warns_without_contacts if {
	results := teams.warn_contact with input as json.remove(fixtures.team, ["spec/contacts"])
	fixtures.rules(results) == {"PAVED-TEAM-001"}
}

test_contact_warns_when_every_contact_is_empty if {
	empty := json.patch(fixtures.team, [{"op": "replace", "path": "/spec/contacts", "value": {"email": "", "chat": ""}}])
	results := teams.warn_contact with input as empty
	fixtures.rules(results) == {"PAVED-TEAM-001"}
}

# --- PAVED-TEAM-002: a team owns something or has sub-teams

test_unused_passes_for_an_owner if {
	count(teams.warn_unused) == 0 with input as fixtures.team with data.paved.catalog as catalog
}

test_unused_passes_for_a_parent_team if {
	commerce := catalog.teams.commerce
	count(teams.warn_unused) == 0 with input as commerce with data.paved.catalog as catalog
}

test_unused_passes_for_a_resource_owner if {
	data_team := catalog.teams.data
	owned := json.patch(catalog, [{"op": "replace", "path": "/resources/payment-events/spec/owner", "value": "data"}])
	count(teams.warn_unused) == 0 with input as data_team with data.paved.catalog as owned
}

test_unused_warns_for_a_team_with_nothing if {
	results := teams.warn_unused with input as catalog.teams.data with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-TEAM-002"}
	fixtures.pointers(results) == {"/metadata/name"}
}

test_unused_is_silent_without_the_catalog if {
	count(teams.warn_unused) == 0 with input as catalog.teams.data
}

# The same verdicts from data.paved.referrers, which Paved provides with the catalog.

test_unused_with_referrers_passes_for_an_owner_a_parent_and_a_resource_owner if {
	owned := json.patch(catalog, [{"op": "replace", "path": "/resources/payment-events/spec/owner", "value": "data"}])
	every team in [fixtures.team, catalog.teams.commerce, catalog.teams.data] {
		count(teams.warn_unused) == 0 with input as team
			with data.paved.catalog as owned
			with data.paved.referrers as fixtures.referrers_of(owned)
	}
}

test_unused_with_referrers_warns_for_a_team_with_nothing if {
	results := teams.warn_unused with input as catalog.teams.data
		with data.paved.catalog as catalog
		with data.paved.referrers as fixtures.referrers_of(catalog)
	fixtures.rules(results) == {"PAVED-TEAM-002"}
}

test_unused_trusts_referrers_over_a_scan if {
	count(teams.warn_unused) == 0 with input as catalog.teams.data
		with data.paved.catalog as catalog
		with data.paved.referrers as {"teams": {"data": {"services": ["somewhere"]}}}
}
