package acme.services_test

import data.acme.services

pci_service := {
	"kind": "Service",
	"metadata": {"name": "x", "annotations": {"acme.example/pci-scope": "true"}},
	"spec": {"owner": "payments"},
}

test_runbook_required_in_pci_scope if {
	count(services.deny_runbook) == 1 with input as pci_service
}

test_runbook_given_in_pci_scope if {
	svc := json.patch(pci_service, [{"op": "add", "path": "/metadata/annotations/acme.example~1runbook", "value": "https://r"}])
	count(services.deny_runbook) == 0 with input as svc
}

test_cost_center_from_the_catalog if {
	catalog := {"teams": {"payments": {"metadata": {"name": "payments", "labels": {}}}}}
	count(services.warn_cost_center) == 1 with input as pci_service with data.paved.catalog as catalog
}

test_cost_center_present if {
	catalog := {"teams": {"payments": {"metadata": {"name": "payments", "labels": {"acme.example/cost-center": "cc-1"}}}}}
	count(services.warn_cost_center) == 0 with input as pci_service with data.paved.catalog as catalog
}

test_legacy_gateway_is_excepted if {
	services.exception == {["cost_center"]} with input as {"metadata": {"name": "payments-legacy-gateway"}}
}

test_other_services_are_not_excepted if {
	count(services.exception) == 0 with input as {"metadata": {"name": "payments-api"}}
}
