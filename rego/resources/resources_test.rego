package paved.resources_test

import data.paved.fixtures
import data.paved.resources

catalog := fixtures.catalog

resource(patch) := fixtures.patched(fixtures.resource, patch)

# --- PAVED-RES-001: a shared resource in production is owned by a team with a pager

test_owner_pager_passes_when_the_owner_has_a_pager if {
	count(resources.warn_owner_pager) == 0 with input as fixtures.resource with data.paved.catalog as catalog
}

test_owner_pager_warns_when_the_owner_has_no_pager if {
	results := resources.warn_owner_pager with input as resource({"spec": {"owner": "data"}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-RES-001"}
	fixtures.pointers(results) == {"/spec/owner"}
}

test_owner_pager_ignores_resources_outside_production if {
	dev_only := resource({"spec": {"owner": "data", "environments": ["dev", "staging"]}})
	count(resources.warn_owner_pager) == 0 with input as dev_only with data.paved.catalog as catalog
}

# --- PAVED-RES-002: object buckets are not public

bucket(params) := resource({"spec": {"type": "object-bucket", "params": params}})

test_public_bucket_passes_for_a_private_bucket if {
	count(resources.deny_public_bucket) == 0 with input as bucket({"publicRead": false})
	count(resources.deny_public_bucket) == 0 with input as bucket({"versioning": true})
}

test_public_bucket_fails_for_a_public_bucket if {
	results := resources.deny_public_bucket with input as bucket({"publicRead": true})
	fixtures.rules(results) == {"PAVED-RES-002"}
	fixtures.pointers(results) == {"/spec/params/publicRead"}
}

test_public_bucket_ignores_other_types if {
	count(resources.deny_public_bucket) == 0 with input as resource({"spec": {"params": {"publicRead": true}}})
}

# --- PAVED-RES-003: a shared resource is used by some service

test_unused_passes_when_a_service_depends_on_it if {
	count(resources.warn_unused) == 0 with input as fixtures.resource with data.paved.catalog as catalog
}

test_unused_warns_when_no_service_depends_on_it if {
	orphan := resource({"metadata": {"name": "old-topic"}})
	results := resources.warn_unused with input as orphan with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-RES-003"}
}

test_unused_is_silent_without_the_catalog if {
	count(resources.warn_unused) == 0 with input as resource({"metadata": {"name": "old-topic"}})
}

test_unused_with_referrers_passes_when_a_service_depends_on_it if {
	count(resources.warn_unused) == 0 with input as fixtures.resource
		with data.paved.catalog as catalog
		with data.paved.referrers as fixtures.referrers_of(catalog)
}

test_unused_with_referrers_warns_when_no_service_depends_on_it if {
	orphan := resource({"metadata": {"name": "old-topic"}})
	results := resources.warn_unused with input as orphan
		with data.paved.catalog as catalog
		with data.paved.referrers as fixtures.referrers_of(catalog)
	fixtures.rules(results) == {"PAVED-RES-003"}
}
