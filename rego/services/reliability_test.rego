package paved.services_test

import data.paved.fixtures
import data.paved.services

catalog := fixtures.catalog

svc(patch) := fixtures.patched(fixtures.service, patch)

no_slos := json.remove(fixtures.service, ["spec/slos"])

# --- PAVED-SVC-001: tier-1 services in production have an SLO

test_slo_required_passes_with_an_slo if {
	count(services.deny_slo_required) == 0 with input as fixtures.service with data.paved.catalog as catalog
}

test_slo_required_fails_without_slos if {
	results := services.deny_slo_required with input as no_slos with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-001"}
	fixtures.pointers(results) == {"/spec/deployments/prod"}
}

test_slo_required_fails_with_an_empty_list if {
	results := services.deny_slo_required with input as svc({"spec": {"slos": []}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-001"}
}

test_slo_required_ignores_services_outside_production if {
	outside := json.patch(no_slos, [{"op": "remove", "path": "/spec/deployments/prod"}])
	count(services.deny_slo_required) == 0 with input as outside with data.paved.catalog as catalog
}

test_slo_required_ignores_tier_2 if {
	tier2 := json.patch(no_slos, [{"op": "replace", "path": "/spec/criticality", "value": "tier-2"}])
	count(services.deny_slo_required) == 0 with input as tier2 with data.paved.catalog as catalog
}

# --- PAVED-SVC-002: other servers in production should have an SLO

tier2_no_slos := json.patch(no_slos, [{"op": "replace", "path": "/spec/criticality", "value": "tier-2"}])

test_slo_recommended_passes_with_an_slo if {
	count(services.warn_slo_recommended) == 0 with input as svc({"spec": {"criticality": "tier-2"}}) with data.paved.catalog as catalog
}

test_slo_recommended_warns_for_a_tier_2_server_without_slo if {
	results := services.warn_slo_recommended with input as tier2_no_slos with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-002"}
}

test_slo_recommended_ignores_workers if {
	worker := fixtures.patched(tier2_no_slos, {"spec": {"workload": {"kind": "worker"}}})
	count(services.warn_slo_recommended) == 0 with input as worker with data.paved.catalog as catalog
}

test_slo_recommended_leaves_tier_1_to_the_deny_rule if {
	count(services.warn_slo_recommended) == 0 with input as no_slos with data.paved.catalog as catalog
}

# --- PAVED-SVC-003: the owner of a tier-1 service has a pager

test_owner_pager_passes_when_the_owner_has_a_pager if {
	count(services.deny_owner_pager) == 0 with input as fixtures.service with data.paved.catalog as catalog
}

test_owner_pager_fails_when_the_owner_has_no_pager if {
	results := services.deny_owner_pager with input as svc({"spec": {"owner": "data"}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-003"}
	fixtures.pointers(results) == {"/spec/owner"}
}

test_owner_pager_leaves_unknown_owners_to_reference_validation if {
	count(services.deny_owner_pager) == 0 with input as svc({"spec": {"owner": "nobody"}}) with data.paved.catalog as catalog
}

test_owner_pager_ignores_tier_3 if {
	tier3 := svc({"spec": {"owner": "data", "criticality": "tier-3"}})
	count(services.deny_owner_pager) == 0 with input as tier3 with data.paved.catalog as catalog
}

# --- PAVED-SVC-004: the owner of a tier-2 service in production should have a pager

test_owner_pager_warn_passes_when_the_owner_has_a_pager if {
	count(services.warn_owner_pager) == 0 with input as svc({"spec": {"criticality": "tier-2"}}) with data.paved.catalog as catalog
}

test_owner_pager_warns_for_tier_2_in_production if {
	tier2 := svc({"spec": {"criticality": "tier-2", "owner": "data"}})
	results := services.warn_owner_pager with input as tier2 with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-004"}
}

test_owner_pager_warn_ignores_tier_2_outside_production if {
	tier2 := json.patch(svc({"spec": {"criticality": "tier-2", "owner": "data"}}), [{"op": "remove", "path": "/spec/deployments/prod"}])
	count(services.warn_owner_pager) == 0 with input as tier2 with data.paved.catalog as catalog
}

# --- PAVED-SVC-005: tier-1 services run at least 2 replicas in production

test_min_replicas_passes_with_an_override if {
	count(services.deny_min_replicas) == 0 with input as fixtures.service with data.paved.catalog as catalog
}

test_min_replicas_passes_with_the_environment_default if {
	count(services.deny_min_replicas) == 0 with input as json.remove(fixtures.service, ["spec/deployments/prod/replicas"]) with data.paved.catalog as catalog
}

test_min_replicas_fails_with_one_replica if {
	results := services.deny_min_replicas with input as svc({"spec": {"deployments": {"prod": {"replicas": 1}}}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-005"}
	fixtures.pointers(results) == {"/spec/deployments/prod"}
}

test_min_replicas_fails_without_override_or_default if {
	results := services.deny_min_replicas with input as svc({"spec": {"deployments": {"prod-us": {}}}}) with data.paved.catalog as catalog
	fixtures.pointers(results) == {"/spec/deployments/prod-us"}
}

test_min_replicas_ignores_tier_2 if {
	tier2 := svc({"spec": {"criticality": "tier-2", "deployments": {"prod": {"replicas": 1}}}})
	count(services.deny_min_replicas) == 0 with input as tier2 with data.paved.catalog as catalog
}

# --- PAVED-SVC-006 and -007: deprecated and experimental services stay out of production

test_deprecated_passes_outside_production if {
	deprecated := json.patch(svc({"spec": {"lifecycle": "deprecated"}}), [{"op": "remove", "path": "/spec/deployments/prod"}])
	count(services.deny_deprecated_in_production) == 0 with input as deprecated with data.paved.catalog as catalog
}

test_deprecated_fails_in_production if {
	results := services.deny_deprecated_in_production with input as svc({"spec": {"lifecycle": "deprecated"}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-006"}
}

test_experimental_passes_outside_production if {
	experimental := json.patch(svc({"spec": {"lifecycle": "experimental"}}), [{"op": "remove", "path": "/spec/deployments/prod"}])
	count(services.deny_experimental_in_production) == 0 with input as experimental with data.paved.catalog as catalog
}

test_experimental_fails_in_production if {
	results := services.deny_experimental_in_production with input as svc({"spec": {"lifecycle": "experimental"}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-007"}
}

test_production_lifecycle_is_allowed_in_production if {
	count(services.deny_deprecated_in_production) == 0 with input as fixtures.service with data.paved.catalog as catalog
	count(services.deny_experimental_in_production) == 0 with input as fixtures.service with data.paved.catalog as catalog
}

# --- PAVED-SVC-008: production deployments go through the environment production is promoted from

test_promotion_path_passes_when_deployed_to_the_source if {
	count(services.deny_promotion_path) == 0 with input as fixtures.service with data.paved.catalog as catalog
}

test_promotion_path_passes_when_the_source_deployment_is_empty_or_paused if {
	paused := svc({"spec": {"deployments": {"staging": {"paused": true}}}})
	count(services.deny_promotion_path) == 0 with input as paused with data.paved.catalog as catalog
}

test_promotion_path_fails_when_production_is_skipped_to if {
	skipping := json.patch(fixtures.service, [{"op": "remove", "path": "/spec/deployments/staging"}])
	results := services.deny_promotion_path with input as skipping with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-SVC-008"}
	fixtures.pointers(results) == {"/spec/deployments/prod"}
}

test_promotion_path_only_checks_production if {
	# staging is promoted from dev, but a service may start in staging (e.g. it needs staging data)
	no_dev := json.patch(fixtures.service, [{"op": "remove", "path": "/spec/deployments/dev"}])
	count(services.deny_promotion_path) == 0 with input as no_dev with data.paved.catalog as catalog
}

# --- every rule of this package ignores other kinds

test_services_rules_ignore_other_kinds if {
	not_a_service := fixtures.patched(no_slos, {"kind": "Resource"})
	count(services.deny_slo_required) == 0 with input as not_a_service with data.paved.catalog as catalog
	count(services.deny_deprecated_in_production) == 0 with input as fixtures.patched(not_a_service, {"spec": {"lifecycle": "deprecated"}}) with data.paved.catalog as catalog
}
