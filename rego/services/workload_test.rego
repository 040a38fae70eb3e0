package paved.services_test

import data.paved.fixtures
import data.paved.services

container(patch) := fixtures.patched(fixtures.service.spec.workload.containers[0], patch)

with_container(c) := svc({"spec": {"workload": {"containers": [c]}}})

# --- PAVED-SVC-009: images pinned by tag or digest

test_image_pinned_passes_with_tags_and_digests if {
	pinned := svc({"spec": {"deployments": {"dev": {"images": {
		"ledger": "registry.acme.example/payments/ledger:2.15.0-rc.1",
		"sidecar": "registry.acme.example/platform/proxy@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	}}}}})
	count(services.deny_image_pinned) == 0 with input as pinned
}

test_image_pinned_fails_for_latest_in_a_container if {
	latest := with_container(container({"image": "registry.acme.example/payments/ledger:latest"}))
	results := services.deny_image_pinned with input as latest
	fixtures.rules(results) == {"PAVED-SVC-009"}
	fixtures.pointers(results) == {"/spec/workload/containers/0/image"}
}

test_image_pinned_fails_for_latest_in_a_deployment_override if {
	latest := svc({"spec": {"deployments": {"dev": {"images": {"ledger": "registry.acme.example/payments/ledger:latest"}}}}})
	results := services.deny_image_pinned with input as latest
	fixtures.pointers(results) == {"/spec/deployments/dev/images/ledger"}
}

test_image_pinned_fails_without_tag_or_digest if {
	untagged := with_container(container({"image": "registry.acme.example:5000/payments/ledger"}))
	results := services.deny_image_pinned with input as untagged
	some r in results
	contains(r.msg, "neither a tag nor a digest")
}

# --- PAVED-SVC-010: no plaintext secrets in environment variables

test_plaintext_secret_passes_with_dependency_references if {
	count(services.deny_plaintext_secret) == 0 with input as fixtures.service
}

test_plaintext_secret_fails_for_a_literal_in_a_container if {
	leaky := with_container(container({"env": {"STRIPE_API_KEY": "sk_live_abc123"}}))
	results := services.deny_plaintext_secret with input as leaky
	fixtures.rules(results) == {"PAVED-SVC-010"}
	fixtures.pointers(results) == {"/spec/workload/containers/0/env/STRIPE_API_KEY"}
}

test_plaintext_secret_fails_for_a_literal_in_a_deployment if {
	leaky := svc({"spec": {"deployments": {"prod": {"env": {"DB_PASSWORD": "hunter2"}}}}})
	results := services.deny_plaintext_secret with input as leaky
	fixtures.pointers(results) == {"/spec/deployments/prod/env/DB_PASSWORD"}
}

test_plaintext_secret_never_repeats_the_value if {
	leaky := svc({"spec": {"deployments": {"prod": {"env": {"DB_PASSWORD": "hunter2"}}}}})
	results := services.deny_plaintext_secret with input as leaky
	every r in results {
		not contains(r.msg, "hunter2")
	}
}

test_plaintext_secret_ignores_settings_about_secrets if {
	settings := with_container(container({"env": {"TOKEN_TTL": "15m", "DB_PASSWORD_FILE": "/run/secrets/db", "GITHUB_TOKEN": ""}}))
	count(services.deny_plaintext_secret) == 0 with input as settings
}

# --- PAVED-SVC-011: containers set cpu and memory requests and limits

test_container_resources_passes_when_all_are_set if {
	count(services.warn_container_resources) == 0 with input as fixtures.service
}

test_container_resources_warns_when_missing if {
	partial := with_container(object.remove(container({}), ["resources"]))
	results := services.warn_container_resources with input as partial
	fixtures.rules(results) == {"PAVED-SVC-011"}
	fixtures.pointers(results) == {"/spec/workload/containers/0"}
	some r in results
	contains(r.msg, "requests.cpu, requests.memory, limits.cpu, limits.memory")
}

test_container_resources_names_only_what_is_missing if {
	c := json.remove(fixtures.service.spec.workload.containers[0], ["resources/limits/memory"])
	results := services.warn_container_resources with input as with_container(c)
	some r in results
	contains(r.msg, "does not set resources limits.memory;")
}
