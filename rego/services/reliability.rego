# Services: what it takes to run in production (SLOs, on-call, replicas, lifecycle, a path to production).
# Every rule here needs the catalog (data.paved.catalog) to know which environments are production.
package paved.services

import data.paved.lib

# PAVED-SVC-001: a tier-1 service in production has at least one SLO.
deny_slo_required contains result if {
	input.kind == "Service"
	input.spec.criticality == "tier-1"
	some env_name in lib.production_deployments
	count(object.get(input.spec, "slos", [])) == 0
	result := {
		"msg": sprintf("tier-1 service is deployed to production environment '%s' but declares no SLO; add one under spec.slos (e.g. availability, objective 99.9, window 30d)", [env_name]),
		"rule": "PAVED-SVC-001",
		"pointer": lib.pointer(["spec", "deployments", env_name]),
	}
}

# PAVED-SVC-002: any other service that serves requests in production should have an SLO too.
warn_slo_recommended contains result if {
	input.kind == "Service"
	input.spec.criticality != "tier-1"
	object.get(input.spec.workload, "kind", "server") == "server"
	some env_name in lib.production_deployments
	count(object.get(input.spec, "slos", [])) == 0
	result := {
		"msg": sprintf("server is deployed to production environment '%s' but declares no SLO, so nobody is told when it degrades; add one under spec.slos", [env_name]),
		"rule": "PAVED-SVC-002",
		"pointer": lib.pointer(["spec", "deployments", env_name]),
	}
}

# PAVED-SVC-003: the owner of a tier-1 service can be paged.
deny_owner_pager contains result if {
	input.kind == "Service"
	input.spec.criticality == "tier-1"
	owner := input.spec.owner
	lib.teams[owner]
	not lib.has_pager(owner)
	result := {
		"msg": sprintf("tier-1 service is owned by team '%s', which has no pager; add spec.contacts.pager to the team (e.g. pagerduty:%s) or move the service to a team with an on-call rotation", [owner, upper(owner)]),
		"rule": "PAVED-SVC-003",
		"pointer": "/spec/owner",
	}
}

# PAVED-SVC-004: the owner of a tier-2 service in production should be pageable too.
warn_owner_pager contains result if {
	input.kind == "Service"
	input.spec.criticality == "tier-2"
	count(lib.production_deployments) > 0
	owner := input.spec.owner
	lib.teams[owner]
	not lib.has_pager(owner)
	result := {
		"msg": sprintf("tier-2 service runs in production but its owner, team '%s', has no pager; add spec.contacts.pager to the team", [owner]),
		"rule": "PAVED-SVC-004",
		"pointer": "/spec/owner",
	}
}

# PAVED-SVC-005: a tier-1 service runs at least 2 replicas in production, so one failure is not an outage.
deny_min_replicas contains result if {
	input.kind == "Service"
	input.spec.criticality == "tier-1"
	some env_name in lib.production_deployments
	replicas := lib.effective_replicas(env_name)
	replicas < 2
	result := {
		"msg": sprintf("tier-1 service runs %d replica(s) in production environment '%s'; set spec.deployments.%s.replicas to 2 or more", [replicas, env_name, env_name]),
		"rule": "PAVED-SVC-005",
		"pointer": lib.pointer(["spec", "deployments", env_name]),
	}
}

# PAVED-SVC-006: a deprecated service is not deployed to production.
deny_deprecated_in_production contains result if {
	input.kind == "Service"
	input.spec.lifecycle == "deprecated"
	some env_name in lib.production_deployments
	result := {
		"msg": sprintf("deprecated service is deployed to production environment '%s'; remove the deployment, or set spec.lifecycle back to production if it is not being retired", [env_name]),
		"rule": "PAVED-SVC-006",
		"pointer": lib.pointer(["spec", "deployments", env_name]),
	}
}

# PAVED-SVC-007: an experimental service is not deployed to production.
deny_experimental_in_production contains result if {
	input.kind == "Service"
	input.spec.lifecycle == "experimental"
	some env_name in lib.production_deployments
	result := {
		"msg": sprintf("experimental service is deployed to production environment '%s'; set spec.lifecycle to production once it is ready, or remove the deployment", [env_name]),
		"rule": "PAVED-SVC-007",
		"pointer": lib.pointer(["spec", "deployments", env_name]),
	}
}

# PAVED-SVC-008: a service in a production environment is also deployed to the environment that production
# is promoted from, so every release has been somewhere before it reaches customers.
deny_promotion_path contains result if {
	input.kind == "Service"
	some env_name in lib.production_deployments
	source := lib.environments[env_name].spec.promotion.from
	not source in object.keys(lib.deployments)
	result := {
		"msg": sprintf("service is deployed to production environment '%s' but not to '%s', which '%s' is promoted from; add spec.deployments.%s", [env_name, source, env_name, source]),
		"rule": "PAVED-SVC-008",
		"pointer": lib.pointer(["spec", "deployments", env_name]),
	}
}
