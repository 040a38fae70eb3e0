# Acme Retail's own rules, on top of Paved's built-in library. `paved validate` runs them together with the
# built-in rules; `opa test policy/` runs the tests next to them.
package acme.services

# ACME-SVC-001: services in PCI scope link their runbook.
deny_runbook contains result if {
	input.kind == "Service"
	input.metadata.annotations["acme.example/pci-scope"] == "true"
	not input.metadata.annotations["acme.example/runbook"]
	result := {
		"msg": "service is in PCI scope but has no runbook; add the acme.example/runbook annotation",
		"rule": "ACME-SVC-001",
		"pointer": "/metadata/annotations",
	}
}

# ACME-SVC-002: a service's owner has a cost center, so its bill has somewhere to go (looks at teams/).
warn_cost_center contains result if {
	input.kind == "Service"
	team := data.paved.catalog.teams[input.spec.owner]
	not team.metadata.labels["acme.example/cost-center"]
	result := {
		"msg": sprintf("owner team '%s' has no acme.example/cost-center label", [input.spec.owner]),
		"rule": "ACME-SVC-002",
		"pointer": "/spec/owner",
	}
}

# The gateway is retired on its sunset date; finance agreed not to chase its cost center (FIN-881).
exception contains rules if {
	input.metadata.name == "payments-legacy-gateway"
	rules := ["cost_center"]
}
