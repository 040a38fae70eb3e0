# Fixtures shared by the Rego unit tests: a small catalog that passes every rule, and declarations that pass
# every rule; each test changes one thing (with `patched`) and checks that exactly the right rule fires.
package paved.fixtures

# Deep-merges patch into doc (objects merge, anything else is replaced).
patched(doc, patch) := object.union(doc, patch)

# The set of rule ids in a set of results.
rules(results) := {r.rule | some r in results}

# The set of pointers in a set of results.
pointers(results) := {r.pointer | some r in results}

team := {
	"apiVersion": "paved.dev/v1alpha1",
	"kind": "Team",
	"metadata": {"name": "payments"},
	"spec": {
		"displayName": "Payments",
		"parent": "commerce",
		"contacts": {"email": "payments@acme.example", "chat": "#payments", "pager": "pagerduty:PAYMENTS"},
	},
}

environment(name, spec) := {
	"apiVersion": "paved.dev/v1alpha1",
	"kind": "Environment",
	"metadata": {"name": name},
	"spec": object.union({"placement": {"region": "eu-central-1", "cluster": name}, "provisioners": [{"type": "workload", "provider": "files"}]}, spec),
}

prod := environment("prod", {
	"tier": "production",
	"promotion": {"from": "staging", "requireApproval": true},
	"changeWindows": [
		{"type": "allow", "days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "18:00", "timezone": "Europe/Berlin"},
		{"type": "deny", "from": "2026-12-14T00:00:00+01:00", "until": "2026-12-28T09:00:00+01:00"},
	],
	"defaults": {"replicas": 3, "env": {"LOG_LEVEL": "warn"}},
})

preview := environment("preview", {"tier": "ephemeral", "expiresAfter": "72h"})

service := {
	"apiVersion": "paved.dev/v1alpha1",
	"kind": "Service",
	"metadata": {"name": "ledger"},
	"spec": {
		"owner": "payments",
		"lifecycle": "production",
		"criticality": "tier-1",
		"template": {"name": "web-api", "version": "3.4.1"},
		"workload": {
			"kind": "server",
			"containers": [{
				"name": "ledger",
				"image": "registry.acme.example/payments/ledger:2.14.1",
				"env": {
					"DB_HOST": "${dependencies.db.host}",
					"DB_PASSWORD": "${dependencies.db.password}",
					"TOKEN_TTL": "15m",
				},
				"resources": {
					"requests": {"cpu": "500m", "memory": "1Gi"},
					"limits": {"cpu": "2", "memory": "2Gi"},
				},
			}],
		},
		"dependencies": [{"name": "db", "type": "postgres"}, {"name": "events", "resource": "payment-events"}],
		"slos": [{"name": "availability", "indicator": "availability", "objective": 99.9, "window": "30d"}],
		"deployments": {"dev": {}, "staging": {}, "prod": {"replicas": 4}},
	},
}

resource := {
	"apiVersion": "paved.dev/v1alpha1",
	"kind": "Resource",
	"metadata": {"name": "payment-events"},
	"spec": {"type": "kafka-topic", "owner": "payments", "environments": ["dev", "staging", "prod"]},
}

catalog := {
	"teams": {
		"payments": team,
		# a group: no pager, owns nothing itself, but payments belongs to it
		"commerce": {"kind": "Team", "metadata": {"name": "commerce"}, "spec": {"displayName": "Commerce", "contacts": {"email": "commerce@acme.example"}}},
		# no pager, owns nothing
		"data": {"kind": "Team", "metadata": {"name": "data"}, "spec": {"displayName": "Data", "contacts": {"email": "data@acme.example"}}},
	},
	"environments": {
		"dev": environment("dev", {"tier": "development", "defaults": {"replicas": 1}}),
		"staging": environment("staging", {"tier": "staging", "promotion": {"from": "dev"}, "defaults": {"replicas": 2}}),
		"prod": prod,
		# production without defaults: a service gets 1 replica there unless it says otherwise
		"prod-us": environment("prod-us", {"tier": "production", "promotion": {"from": "staging", "requireApproval": true}}),
		"preview": preview,
	},
	"services": {"ledger": service},
	"resources": {"payment-events": resource},
}

approved_templates := {
	"web-api": {"minimum": "3.2.0"},
	"cron-job": {"versions": ["1.3.1", "1.3.2"]},
	"worker": {"minimum": "2.0.0", "versions": ["1.9.9"]},
}

# data.paved.referrers for a catalog, derived as Paved derives it (PolicyStage), for tests of the rules that
# use it.
referrers_of(cat) := {
	"teams": {team: {
		"services": [name | some name, s in cat.services; s.spec.owner == team],
		"resources": [name | some name, r in cat.resources; r.spec.owner == team],
		"teams": [name | some name, t in cat.teams; t.spec.parent == team],
	} |
		some team, _ in cat.teams
	},
	"resources": {resource: {"services": [name | some name, s in cat.services; s.spec.dependencies[_].resource == resource]} |
		some resource, _ in cat.resources
	},
	"services": {service: {"services": [name | some name, s in cat.services; s.spec.dependencies[_].service == service]} |
		some service, _ in cat.services
	},
}
