# Shared resources: someone can be paged for them in production, buckets are not public, and each one is
# used by some service.
package paved.resources

import data.paved.lib

# PAVED-RES-001: a shared resource in production is owned by a team with a pager: when it fails, every
# service that uses it fails.
warn_owner_pager contains result if {
	input.kind == "Resource"
	some env_name in input.spec.environments
	lib.is_production(env_name)
	owner := input.spec.owner
	lib.teams[owner]
	not lib.has_pager(owner)
	result := {
		"msg": sprintf("shared resource exists in production environment '%s' but its owner, team '%s', has no pager; add spec.contacts.pager to the team", [env_name, owner]),
		"rule": "PAVED-RES-001",
		"pointer": "/spec/owner",
	}
}

# PAVED-RES-002: object buckets are not publicly readable; serve public content through a CDN.
deny_public_bucket contains result if {
	input.kind == "Resource"
	input.spec.type == "object-bucket"
	input.spec.params.publicRead == true
	result := {
		"msg": "object bucket is publicly readable; set spec.params.publicRead: false and serve public files through the CDN",
		"rule": "PAVED-RES-002",
		"pointer": "/spec/params/publicRead",
	}
}

# PAVED-RES-003: a shared resource is used by at least one service; an unused one still costs money and
# holds data nobody looks after. Needs the catalog.
warn_unused contains result if {
	input.kind == "Resource"
	count(lib.services) > 0
	resource := input.metadata.name
	not used(resource)
	result := {
		"msg": "no service depends on this shared resource; remove it, or add a `resource:` dependency to the services that use it",
		"rule": "PAVED-RES-003",
		"pointer": "/metadata/name",
	}
}

used(resource) if count(lib.referred_by("resources", resource, "services")) > 0

used(resource) if {
	not lib.referrers_known
	lib.services[_].spec.dependencies[_].resource == resource
}
