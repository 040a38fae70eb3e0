package paved.services_test

import data.paved.fixtures
import data.paved.services

approved := fixtures.approved_templates

template(name, version) := svc({"spec": {"template": {"name": name, "version": version}}})

# --- PAVED-SVC-012: services name their golden-path template

test_no_template_passes_with_a_template if {
	count(services.warn_no_template) == 0 with input as fixtures.service
}

test_no_template_warns_without_one if {
	results := services.warn_no_template with input as json.remove(fixtures.service, ["spec/template"])
	fixtures.rules(results) == {"PAVED-SVC-012"}
}

# --- PAVED-SVC-013: only approved templates

test_template_unknown_passes_for_an_approved_template if {
	count(services.deny_template_unknown) == 0 with input as fixtures.service with data.paved.approved_templates as approved
}

test_template_unknown_fails_for_another_template if {
	results := services.deny_template_unknown with input as template("my-own-api", "1.0.0") with data.paved.approved_templates as approved
	fixtures.rules(results) == {"PAVED-SVC-013"}
	some r in results
	contains(r.msg, "cron-job, web-api, worker")
}

test_template_rules_are_silent_without_template_data if {
	count(services.deny_template_unknown) == 0 with input as template("my-own-api", "1.0.0") with data.paved.approved_templates as null
	count(services.deny_template_version) == 0 with input as template("web-api", "1.0.0") with data.paved.approved_templates as null
}

# --- PAVED-SVC-014: only approved template versions

test_template_version_passes_at_and_above_the_minimum if {
	every version in ["3.2.0", "3.4.1", "3.10.0", "4.0.0-rc.1"] {
		count(services.deny_template_version) == 0 with input as template("web-api", version) with data.paved.approved_templates as approved
	}
}

test_template_version_fails_below_the_minimum if {
	every version in ["3.1.9", "2.10.0", "3.2.0-rc.1"] {
		results := services.deny_template_version with input as template("web-api", version) with data.paved.approved_templates as approved
		fixtures.rules(results) == {"PAVED-SVC-014"}
		fixtures.pointers(results) == {"/spec/template/version"}
	}
}

test_template_version_passes_when_listed if {
	count(services.deny_template_version) == 0 with input as template("cron-job", "1.3.1") with data.paved.approved_templates as approved
}

test_template_version_fails_when_not_listed if {
	results := services.deny_template_version with input as template("cron-job", "1.3.0") with data.paved.approved_templates as approved
	some r in results
	r.msg == "template cron-job version 1.3.0 is not approved; upgrade to one of 1.3.1, 1.3.2"
}

test_template_version_accepts_either_the_list_or_the_minimum if {
	count(services.deny_template_version) == 0 with input as template("worker", "1.9.9") with data.paved.approved_templates as approved
	count(services.deny_template_version) == 0 with input as template("worker", "2.0.1") with data.paved.approved_templates as approved
	results := services.deny_template_version with input as template("worker", "1.9.8") with data.paved.approved_templates as approved
	some r in results
	r.msg == "template worker version 1.9.8 is not approved; upgrade to 2.0.0 or newer, or one of 1.9.9"
}

test_template_version_uses_the_shipped_data if {
	# rego/data.yaml: what the sample platform repo uses passes, older versions do not
	count(services.deny_template_version) == 0 with input as template("web-api", "3.2.0")
	count(services.deny_template_version) == 0 with input as template("cron-job", "1.3.2")
	count(services.deny_template_version) == 1 with input as template("web-api", "3.1.0")
}

# --- PAVED-SVC-015: deprecated services on old templates get a warning, not a denial

test_template_version_deprecated_passes_on_an_approved_version if {
	deprecated := fixtures.patched(template("web-api", "3.4.1"), {"spec": {"lifecycle": "deprecated"}})
	count(services.warn_template_version_deprecated) == 0 with input as deprecated with data.paved.approved_templates as approved
}

test_template_version_deprecated_warns_instead_of_denying if {
	deprecated := fixtures.patched(template("web-api", "1.9.0"), {"spec": {"lifecycle": "deprecated"}})
	count(services.deny_template_version) == 0 with input as deprecated with data.paved.approved_templates as approved
	results := services.warn_template_version_deprecated with input as deprecated with data.paved.approved_templates as approved
	fixtures.rules(results) == {"PAVED-SVC-015"}
}
