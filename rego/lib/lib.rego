# Helpers shared by Paved's built-in policies: lookups in the catalog of the whole platform repo, and
# checks that several packages use (secret-looking variables, image pinning, JSON pointers).
#
# `input` is one declaration (one YAML document). `data.paved.catalog` is every declaration of the repo,
# keyed by kind and name: {"teams": {name: doc}, "environments": {...}, "services": {...}, "resources": {...}}.
# When the catalog is absent (e.g. plain `conftest test` on a single file), the lookups below are empty and
# the rules that need another file stay silent rather than guess.
package paved.lib

default catalog := {}

catalog := data.paved.catalog

environments := object.get(catalog, "environments", {})

teams := object.get(catalog, "teams", {})

services := object.get(catalog, "services", {})

resources := object.get(catalog, "resources", {})

# Who refers to each declaration, which Paved computes once per run alongside the catalog:
# {"teams": {team: {"services": [owned], "resources": [owned], "teams": [children]}},
#  "services": {name: {"services": [dependents]}}, "resources": {name: {"services": [dependents]}}}.
# A rule that asks "does anything refer to this?" looks here in constant time instead of scanning the
# catalog once per declaration (quadratic over a large repo). Without it (a catalog given by hand), such a
# rule scans the catalog.
default referrers := {}

referrers := data.paved.referrers

referrers_known if data.paved.referrers

# The names of the `by` declarations that refer to the `kind` declaration `name`; empty when there are none.
referred_by(kind, name, by) := object.get(object.get(object.get(referrers, kind, {}), name, {}), by, [])

# Golden-path templates the platform team supports (rego/data.yaml); null when no such data is loaded.
default approved_templates := null

approved_templates := data.paved.approved_templates

# --- environments ----------------------------------------------------------------------------------

# The tier of the environment named env_name; undefined when no such environment is in the catalog.
tier(env_name) := environments[env_name].spec.tier

is_production(env_name) if tier(env_name) == "production"

# --- the service in `input` --------------------------------------------------------------------------

deployments := object.get(input, ["spec", "deployments"], {})

# Names of the production environments the service in `input` is deployed to.
production_deployments contains env_name if {
	some env_name, _ in deployments
	is_production(env_name)
}

# The number of instances the service in `input` runs in env_name: the deployment's override, else the
# environment's default, else 1.
effective_replicas(env_name) := n if {
	n := deployments[env_name].replicas
	is_number(n)
} else := n if {
	n := environments[env_name].spec.defaults.replicas
	is_number(n)
} else := 1

# Every image the service in `input` may run: each container's image and each per-environment override.
# `path` leads to it (see pointer); `container` and `env` say where it is set, for messages (see where).
images contains {"image": c.image, "container": c.name, "env": null, "path": path} if {
	some i, c in object.get(input, ["spec", "workload", "containers"], [])
	path := ["spec", "workload", "containers", format_int(i, 10), "image"]
}

images contains {"image": image, "container": container, "env": env_name, "path": path} if {
	some env_name, d in deployments
	some container, image in object.get(d, "images", {})
	path := ["spec", "deployments", env_name, "images", container]
}

# Every environment variable the service in `input` sets, in a container or in a deployment.
env_vars contains {"name": var, "value": value, "container": c.name, "env": null, "path": path} if {
	some i, c in object.get(input, ["spec", "workload", "containers"], [])
	some var, value in object.get(c, "env", {})
	path := ["spec", "workload", "containers", format_int(i, 10), "env", var]
}

env_vars contains {"name": var, "value": value, "container": null, "env": env_name, "path": path} if {
	some env_name, d in deployments
	some var, value in object.get(d, "env", {})
	path := ["spec", "deployments", env_name, "env", var]
}

# Where an image or variable is set, in words ("container 'api'", "deployment 'prod'", ...).
where(ref) := sprintf("container '%s'", [ref.container]) if {
	ref.env == null
} else := sprintf("deployment '%s'", [ref.env]) if {
	ref.container == null
} else := sprintf("container '%s' in deployment '%s'", [ref.container, ref.env])

# --- teams -------------------------------------------------------------------------------------------

has_pager(team_name) if teams[team_name].spec.contacts.pager != ""

# --- images ------------------------------------------------------------------------------------------

# The tag of an image reference, if it has one (a registry port is not a tag: registry:5000/app has none).
image_tag(image) := tag if {
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	name_and_tag := split(split(last, "@")[0], ":")
	count(name_and_tag) == 2
	tag := name_and_tag[1]
}

has_digest(image) if contains(image, "@")

# Why an image is not pinned; undefined when it is pinned by a version tag or a digest.
image_problem(image) := "uses the mutable tag 'latest'" if {
	not has_digest(image)
	lower(image_tag(image)) == "latest"
}

image_problem(image) := "has neither a tag nor a digest" if {
	not has_digest(image)
	not image_tag(image)
}

# --- secrets -----------------------------------------------------------------------------------------

# A variable whose name says it holds a secret: one of these words, as a whole `_`-separated word...
# (Plain string functions rather than a regular expression: compiled to WebAssembly, a regular expression
# is compiled again on every evaluation, which made this the most expensive rule of the library.)
secret_name(var) if {
	name := upper(var)
	some fragment in secret_fragments # a cheap first look: most names contain none of these
	contains(name, fragment)
	has_secret_word(split(name, "_"))
	not setting_about_secret(var)
}

# Every secret word contains one of these.
secret_fragments := ["PASS", "SECRET", "TOKEN", "KEY", "CREDENTIAL"]

secret_words := {"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS"}

secret_word_pairs := {["API", "KEY"], ["PRIVATE", "KEY"], ["ACCESS", "KEY"]}

has_secret_word(words) if {
	some word in words
	word in secret_words
}

has_secret_word(words) if {
	some i, word in words
	[word, words[i + 1]] in secret_word_pairs
}

# ...unless its last word says it is a setting about a secret, not the secret itself
# (TOKEN_TTL, PASSWORD_MIN_LENGTH, OAUTH_TOKEN_URL, DB_PASSWORD_FILE).
setting_about_secret(var) if {
	words := split(upper(var), "_")
	words[count(words) - 1] in {
		"TTL", "TIMEOUT", "EXPIRY", "EXPIRES", "EXPIRATION", "LIFETIME", "AGE",
		"LENGTH", "SIZE", "BYTES", "BITS", "COUNT", "LIMIT", "MIN", "MAX",
		"URL", "URI", "ENDPOINT", "HOST", "PORT", "ISSUER", "AUDIENCE", "HEADER",
		"FILE", "PATH", "DIR", "NAME", "ID", "TYPE", "ALGORITHM", "ENABLED", "VERSION",
	}
}

# A value written out in the declaration, as opposed to one that refers to a dependency's output.
literal_value(value) if {
	is_string(value)
	value != ""
	not refers_to_dependency(value)
}

# The value contains `${dependencies.` followed by at least one character other than `}` and then a `}`.
refers_to_dependency(value) if {
	parts := split(value, "${dependencies.")
	some k, _ in parts
	k > 0
	indexof(concat("${dependencies.", array.slice(parts, k, count(parts))), "}") > 0
}

plaintext_secret(var, value) if {
	secret_name(var)
	literal_value(value)
}

# --- pointers ----------------------------------------------------------------------------------------

# A JSON pointer (RFC 6901) to a field of `input`, so a finding can point at its file and line.
pointer(parts) := concat("/", array.concat([""], [escape(part) | some part in parts]))

escape(part) := replace(replace(part, "~", "~0"), "/", "~1")
