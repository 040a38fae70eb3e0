# Services: golden-path templates. A service scaffolded from a template gets the platform's defaults for
# builds, telemetry and security fixes; the approved templates and versions are data
# (data.paved.approved_templates, shipped in rego/data.yaml): per template name, either a list of
# `versions` or a `minimum` semantic version (or both: a version passes if either allows it).
package paved.services

import data.paved.lib

# PAVED-SVC-012: a service says which golden-path template it was scaffolded from.
warn_no_template contains result if {
	input.kind == "Service"
	not input.spec.template
	result := {
		"msg": "service names no golden-path template, so it gets no template upgrades; set spec.template to the template and version it follows",
		"rule": "PAVED-SVC-012",
		"pointer": "/spec",
	}
}

# PAVED-SVC-013: the template is one the platform team supports.
deny_template_unknown contains result if {
	input.kind == "Service"
	lib.approved_templates != null
	template := input.spec.template.name
	not lib.approved_templates[template]
	result := {
		"msg": sprintf("template '%s' is not an approved golden-path template; use one of: %s", [template, concat(", ", sort(object.keys(lib.approved_templates)))]),
		"rule": "PAVED-SVC-013",
		"pointer": "/spec/template/name",
	}
}

# PAVED-SVC-014: the template version is approved (services being retired get a warning instead: PAVED-SVC-015).
deny_template_version contains result if {
	input.kind == "Service"
	input.spec.lifecycle != "deprecated"
	some problem in template_version_problem
	result := {
		"msg": problem,
		"rule": "PAVED-SVC-014",
		"pointer": "/spec/template/version",
	}
}

# PAVED-SVC-015: a deprecated service on an unapproved template version: upgrading something that is being
# retired is wasted work, but it is still running unsupported code until it is gone.
warn_template_version_deprecated contains result if {
	input.kind == "Service"
	input.spec.lifecycle == "deprecated"
	some problem in template_version_problem
	result := {
		"msg": sprintf("%s; tolerated because the service is deprecated: retire it soon", [problem]),
		"rule": "PAVED-SVC-015",
		"pointer": "/spec/template/version",
	}
}

template_version_problem contains msg if {
	template := input.spec.template.name
	rules := lib.approved_templates[template]
	version := input.spec.template.version
	not version_approved(rules, version)
	msg := sprintf("template %s version %s is not approved; upgrade to %s", [template, version, approved_description(rules)])
}

version_approved(rules, version) if version in object.get(rules, "versions", [])

version_approved(rules, version) if {
	semver.is_valid(version)
	semver.compare(version, rules.minimum) >= 0
}

approved_description(rules) := sprintf("%s or newer", [rules.minimum]) if {
	rules.minimum
	count(object.get(rules, "versions", [])) == 0
} else := sprintf("one of %s", [concat(", ", rules.versions)]) if {
	not rules.minimum
} else := sprintf("%s or newer, or one of %s", [rules.minimum, concat(", ", rules.versions)])
