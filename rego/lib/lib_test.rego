package paved.lib_test

import data.paved.fixtures
import data.paved.lib

test_tier_and_production_lookups if {
	lib.tier("staging") == "staging" with data.paved.catalog as fixtures.catalog
	lib.is_production("prod") with data.paved.catalog as fixtures.catalog
	not lib.is_production("staging") with data.paved.catalog as fixtures.catalog
	not lib.is_production("nowhere") with data.paved.catalog as fixtures.catalog
}

test_no_catalog_means_no_production if {
	lib.production_deployments == set() with input as fixtures.service
}

test_production_deployments if {
	lib.production_deployments == {"prod"} with input as fixtures.service with data.paved.catalog as fixtures.catalog
}

test_effective_replicas_prefers_the_deployment_override if {
	lib.effective_replicas("prod") == 4 with input as fixtures.service with data.paved.catalog as fixtures.catalog
}

test_effective_replicas_falls_back_to_the_environment_default if {
	lib.effective_replicas("staging") == 2 with input as fixtures.service with data.paved.catalog as fixtures.catalog
}

test_effective_replicas_is_one_without_override_or_default if {
	svc := fixtures.patched(fixtures.service, {"spec": {"deployments": {"prod-us": {}}}})
	lib.effective_replicas("prod-us") == 1 with input as svc with data.paved.catalog as fixtures.catalog
}

test_image_tag if {
	lib.image_tag("registry.acme.example/payments/ledger:2.14.1") == "2.14.1"
	lib.image_tag("registry:5000/ledger:1.0@sha256:0123") == "1.0"
	not lib.image_tag("registry:5000/payments/ledger")
	not lib.image_tag("ledger")
}

image_cases := {
	"registry.acme.example/payments/ledger:2.14.1": "pinned",
	"ledger:1.0.0-rc.1": "pinned",
	"registry:5000/ledger@sha256:0a1b": "pinned",
	"ledger:latest@sha256:0a1b": "pinned",
	"registry.acme.example/payments/ledger:latest": "uses the mutable tag 'latest'",
	"ledger:LATEST": "uses the mutable tag 'latest'",
	"registry:5000/payments/ledger": "has neither a tag nor a digest",
	"ledger": "has neither a tag nor a digest",
}

image_verdict(image) := problem if {
	problem := lib.image_problem(image)
} else := "pinned"

test_image_problem if {
	{image: image_verdict(image) | some image, _ in image_cases} == image_cases
}

secret_name_cases := {
	"DB_PASSWORD": true,
	"db_password": true,
	"PASSWORD": true,
	"CLIENT_SECRET": true,
	"SECRET_KEY_BASE": true,
	"GITHUB_TOKEN": true,
	"STRIPE_API_KEY": true,
	"STRIPE_APIKEY": true,
	"SSH_PRIVATE_KEY": true,
	"AWS_SECRET_ACCESS_KEY": true,
	"GCP_CREDENTIALS": true,
	"GCP_CREDENTIAL": true,
	"APP__TOKEN": true,
	"_PASSWD": true,
	"API_KEY": true,
	"ACCESS_KEY": true,
	"PASSPHRASE_SECRET_TOKEN": true,
	"KEY_API": false,
	"PRIVATE_KEYRING": false,
	"API_KEYS": false,
	"MY_APIKEY_PATH": false,
	"TOKEN_TTL": false,
	"PASSWORD_MIN_LENGTH": false,
	"OAUTH_TOKEN_URL": false,
	"DB_PASSWORD_FILE": false,
	"AWS_ACCESS_KEY_ID": false,
	"TOKENIZER_MODEL": false,
	"SECRETARY_EMAIL": false,
	"DB_HOST": false,
}

test_secret_name if {
	{var | some var, _ in secret_name_cases; lib.secret_name(var)} == {var | some var, want in secret_name_cases; want}
}

test_literal_value if {
	lib.literal_value("hunter2")
	lib.literal_value("postgres://app:hunter2@db:5432/app")
	not lib.literal_value("${dependencies.db.password}")
	not lib.literal_value("postgres://app:${dependencies.db.password}@db")
	not lib.literal_value("")
}

# The same verdicts as the regular expression `\$\{dependencies\.[^}]+\}` the rule used to be written with.
test_literal_value_edges if {
	lib.literal_value("${dependencies.}")
	lib.literal_value("${dependencies.db")
	lib.literal_value("${dependencies}")
	lib.literal_value("$ {dependencies.db.host}")
	not lib.literal_value("${dependencies.}${dependencies.db.host}")
	not lib.literal_value("${dependencies.${dependencies.x}")
	not lib.literal_value("${dependencies.a}}")
	not lib.literal_value("prefix ${dependencies.db.host} suffix")
}

test_pointer_escapes_slash_and_tilde if {
	lib.pointer(["spec", "deployments", "prod", "images", "a/b~c"]) == "/spec/deployments/prod/images/a~1b~0c"
}

test_where_names_the_container_and_the_deployment if {
	svc := fixtures.patched(fixtures.service, {"spec": {"deployments": {"prod": {"images": {"ledger": "ledger:1"}, "env": {"A": "b"}}}}})
	{lib.where(ref) | some ref in lib.images} == {"container 'ledger'", "container 'ledger' in deployment 'prod'"} with input as svc
	{lib.where(var) | some var in lib.env_vars; var.name == "A"} == {"deployment 'prod'"} with input as svc
}

test_literal_value_ignores_values_that_are_not_strings if {
	not lib.literal_value(8080)
}
