# Services: what a workload may run (pinned images), may hold (no plaintext secrets) and must declare
# (compute requests and limits). These rules look at the declaration alone.
package paved.services

import data.paved.lib

# PAVED-SVC-009: images are pinned by a version tag or a digest, never `latest` or nothing.
deny_image_pinned contains result if {
	input.kind == "Service"
	some ref in lib.images
	problem := lib.image_problem(ref.image)
	result := {
		"msg": sprintf("image '%s' of %s %s; pin a version tag (e.g. :1.4.2) or a digest (@sha256:...) so every environment runs what was reviewed", [ref.image, lib.where(ref), problem]),
		"rule": "PAVED-SVC-009",
		"pointer": lib.pointer(ref.path),
	}
}

# PAVED-SVC-010: variables whose name says they hold a secret do not hold it in plain text in Git.
deny_plaintext_secret contains result if {
	input.kind == "Service"
	some var in lib.env_vars
	lib.plaintext_secret(var.name, var.value)
	result := {
		"msg": sprintf("environment variable '%s' of %s looks like a secret and holds a literal value; take it from a dependency (e.g. \"${dependencies.db.password}\") and rotate the value that was committed", [var.name, lib.where(var)]),
		"rule": "PAVED-SVC-010",
		"pointer": lib.pointer(var.path),
	}
}

# PAVED-SVC-011: every container sets cpu and memory requests (for scheduling) and limits (for isolation).
warn_container_resources contains result if {
	input.kind == "Service"
	some i, c in input.spec.workload.containers
	missing := [concat(".", field) |
		some field in [["requests", "cpu"], ["requests", "memory"], ["limits", "cpu"], ["limits", "memory"]]
		object.get(c, array.concat(["resources"], field), "") == ""
	]
	count(missing) > 0
	result := {
		"msg": sprintf("container '%s' does not set resources %s; set cpu and memory requests and limits so it is scheduled and isolated predictably", [c.name, concat(", ", missing)]),
		"rule": "PAVED-SVC-011",
		"pointer": lib.pointer(["spec", "workload", "containers", format_int(i, 10)]),
	}
}
