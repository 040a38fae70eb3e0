package paved.environments_test

import data.paved.environments
import data.paved.fixtures

catalog := fixtures.catalog

prod(patch) := fixtures.patched(fixtures.prod, patch)

preview(patch) := fixtures.patched(fixtures.preview, patch)

# --- PAVED-ENV-001: production requires an approval for promotion

test_production_approval_passes_when_required if {
	count(environments.deny_production_approval) == 0 with input as fixtures.prod
}

test_production_approval_fails_when_not_required if {
	results := environments.deny_production_approval with input as prod({"spec": {"promotion": {"requireApproval": false}}})
	fixtures.rules(results) == {"PAVED-ENV-001"}
	fixtures.pointers(results) == {"/spec/promotion"}
}

test_production_approval_fails_when_left_out if {
	results := environments.deny_production_approval with input as json.remove(fixtures.prod, ["spec/promotion/requireApproval"])
	fixtures.rules(results) == {"PAVED-ENV-001"}
}

test_production_approval_ignores_staging if {
	staging := prod({"spec": {"tier": "staging", "promotion": {"requireApproval": false}}})
	count(environments.deny_production_approval) == 0 with input as staging
}

# --- PAVED-ENV-002: production is promoted from another environment

test_production_promotion_passes_with_a_source if {
	count(environments.deny_production_promotion) == 0 with input as fixtures.prod
}

test_production_promotion_fails_without_a_source if {
	results := environments.deny_production_promotion with input as json.remove(fixtures.prod, ["spec/promotion"])
	fixtures.rules(results) == {"PAVED-ENV-002"}
	fixtures.pointers(results) == {"/spec"}
}

test_production_promotion_ignores_development if {
	dev := json.remove(prod({"spec": {"tier": "development"}}), ["spec/promotion"])
	count(environments.deny_production_promotion) == 0 with input as dev
}

# --- PAVED-ENV-003 and -004: ephemeral environments expire, and not too late

test_ephemeral_expiry_passes_with_expires_after if {
	count(environments.deny_ephemeral_expiry) == 0 with input as fixtures.preview
	count(environments.warn_ephemeral_expiry_long) == 0 with input as fixtures.preview
}

test_ephemeral_expiry_fails_without_expires_after if {
	results := environments.deny_ephemeral_expiry with input as json.remove(fixtures.preview, ["spec/expiresAfter"])
	fixtures.rules(results) == {"PAVED-ENV-003"}
}

test_ephemeral_expiry_ignores_other_tiers if {
	dev := json.remove(preview({"spec": {"tier": "development"}}), ["spec/expiresAfter"])
	count(environments.deny_ephemeral_expiry) == 0 with input as dev
}

test_ephemeral_expiry_long_passes_up_to_14_days if {
	every after in ["14d", "2w", "336h", "30m"] {
		count(environments.warn_ephemeral_expiry_long) == 0 with input as preview({"spec": {"expiresAfter": after}})
	}
}

test_ephemeral_expiry_long_warns_beyond_14_days if {
	every after in ["15d", "3w", "337h"] {
		results := environments.warn_ephemeral_expiry_long with input as preview({"spec": {"expiresAfter": after}})
		fixtures.rules(results) == {"PAVED-ENV-004"}
	}
}

# --- PAVED-ENV-005: no plaintext secrets in default environment variables

test_env_plaintext_secret_passes_without_secrets if {
	count(environments.deny_plaintext_secret) == 0 with input as fixtures.prod
}

test_env_plaintext_secret_fails_for_a_literal if {
	results := environments.deny_plaintext_secret with input as prod({"spec": {"defaults": {"env": {"SENTRY_TOKEN": "abc123"}}}})
	fixtures.rules(results) == {"PAVED-ENV-005"}
	fixtures.pointers(results) == {"/spec/defaults/env/SENTRY_TOKEN"}
}

# --- PAVED-ENV-006: change windows are not empty

test_change_window_empty_passes_for_real_windows if {
	count(environments.deny_change_window_empty) == 0 with input as fixtures.prod
}

test_change_window_empty_fails_when_until_is_before_from if {
	inverted := json.patch(fixtures.prod, [{"op": "replace", "path": "/spec/changeWindows/1/until", "value": "2026-12-13T22:00:00Z"}])
	results := environments.deny_change_window_empty with input as inverted
	fixtures.rules(results) == {"PAVED-ENV-006"}
	fixtures.pointers(results) == {"/spec/changeWindows/1"}
}

test_change_window_empty_compares_instants_not_text if {
	# 00:00+01:00 is 23:00Z the day before: the same instant, so the window is empty
	same := json.patch(fixtures.prod, [{"op": "replace", "path": "/spec/changeWindows/1/until", "value": "2026-12-13T23:00:00Z"}])
	count(environments.deny_change_window_empty) == 1 with input as same
	later := json.patch(fixtures.prod, [{"op": "replace", "path": "/spec/changeWindows/1/until", "value": "2026-12-13T23:30:00Z"}])
	count(environments.deny_change_window_empty) == 0 with input as later
}

test_change_window_empty_fails_when_start_equals_end if {
	zero := json.patch(fixtures.prod, [{"op": "replace", "path": "/spec/changeWindows/0/end", "value": "08:00"}])
	results := environments.deny_change_window_empty with input as zero
	fixtures.pointers(results) == {"/spec/changeWindows/0"}
}

test_change_window_empty_allows_windows_across_midnight if {
	overnight := json.patch(fixtures.prod, [{"op": "replace", "path": "/spec/changeWindows/0/start", "value": "22:00"}])
	count(environments.deny_change_window_empty) == 0 with input as overnight
}

# --- PAVED-ENV-007: production has change windows

test_production_change_windows_passes_with_windows if {
	count(environments.warn_production_change_windows) == 0 with input as fixtures.prod
}

test_production_change_windows_warns_without_windows if {
	results := environments.warn_production_change_windows with input as json.remove(fixtures.prod, ["spec/changeWindows"])
	fixtures.rules(results) == {"PAVED-ENV-007"}
}

# --- PAVED-ENV-008: production defaults to at least 2 replicas

test_production_replicas_passes_with_3 if {
	count(environments.warn_production_replicas) == 0 with input as fixtures.prod
}

test_production_replicas_warns_for_1 if {
	results := environments.warn_production_replicas with input as prod({"spec": {"defaults": {"replicas": 1}}})
	fixtures.rules(results) == {"PAVED-ENV-008"}
}

test_production_replicas_warns_without_a_default if {
	results := environments.warn_production_replicas with input as json.remove(fixtures.prod, ["spec/defaults"])
	fixtures.rules(results) == {"PAVED-ENV-008"}
}

# --- PAVED-ENV-009: production is promoted from staging, not from development or ephemeral environments

test_production_source_tier_passes_from_staging if {
	count(environments.warn_production_source_tier) == 0 with input as fixtures.prod with data.paved.catalog as catalog
}

test_production_source_tier_passes_from_another_production if {
	from_prod := prod({"metadata": {"name": "prod-eu"}, "spec": {"promotion": {"from": "prod"}}})
	count(environments.warn_production_source_tier) == 0 with input as from_prod with data.paved.catalog as catalog
}

test_production_source_tier_warns_from_development if {
	results := environments.warn_production_source_tier with input as prod({"spec": {"promotion": {"from": "dev"}}}) with data.paved.catalog as catalog
	fixtures.rules(results) == {"PAVED-ENV-009"}
	fixtures.pointers(results) == {"/spec/promotion/from"}
}

test_production_source_tier_is_silent_without_the_catalog if {
	count(environments.warn_production_source_tier) == 0 with input as prod({"spec": {"promotion": {"from": "dev"}}})
}

# --- every rule of this package ignores other kinds

test_environment_rules_ignore_other_kinds if {
	not_an_environment := json.remove(fixtures.patched(fixtures.prod, {"kind": "Service"}), ["spec/promotion"])
	count(environments.deny_production_approval) == 0 with input as not_an_environment
	count(environments.deny_production_promotion) == 0 with input as not_an_environment
}
