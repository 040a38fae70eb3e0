# Environments: production is gated (promotion from a pre-production environment, approval, change
# windows, enough replicas by default), ephemeral environments expire, defaults hold no secrets.
package paved.environments

import data.paved.lib

# Ephemeral environments live at most this long after their last change (PAVED-ENV-004).
max_ephemeral_seconds := 14 * 86400

# PAVED-ENV-001: promotion to production needs an approval.
deny_production_approval contains result if {
	input.kind == "Environment"
	input.spec.tier == "production"
	object.get(input.spec, ["promotion", "requireApproval"], false) != true
	result := {
		"msg": "production environment does not require an approval for promotion; set spec.promotion.requireApproval: true",
		"rule": "PAVED-ENV-001",
		"pointer": promotion_pointer,
	}
}

# PAVED-ENV-002: releases reach production from another environment, never straight from a merge.
deny_production_promotion contains result if {
	input.kind == "Environment"
	input.spec.tier == "production"
	not input.spec.promotion.from
	result := {
		"msg": "production environment names no environment it is promoted from, so releases would reach it untested; set spec.promotion.from (e.g. staging)",
		"rule": "PAVED-ENV-002",
		"pointer": promotion_pointer,
	}
}

# PAVED-ENV-003: an ephemeral environment says when it is torn down.
deny_ephemeral_expiry contains result if {
	input.kind == "Environment"
	input.spec.tier == "ephemeral"
	not input.spec.expiresAfter
	result := {
		"msg": "ephemeral environment never expires, so it will be paid for long after anyone looks at it; set spec.expiresAfter (e.g. 72h)",
		"rule": "PAVED-ENV-003",
		"pointer": "/spec",
	}
}

# PAVED-ENV-004: ... and it is not torn down so late that it is no longer ephemeral.
warn_ephemeral_expiry_long contains result if {
	input.kind == "Environment"
	input.spec.tier == "ephemeral"
	duration_seconds(input.spec.expiresAfter) > max_ephemeral_seconds
	result := {
		"msg": sprintf("ephemeral environment expires only %s after its last change; keep it at 14d or less, or make it a development environment", [input.spec.expiresAfter]),
		"rule": "PAVED-ENV-004",
		"pointer": "/spec/expiresAfter",
	}
}

# PAVED-ENV-005: default environment variables hold no secrets in plain text.
deny_plaintext_secret contains result if {
	input.kind == "Environment"
	some var, value in object.get(input.spec, ["defaults", "env"], {})
	lib.plaintext_secret(var, value)
	result := {
		"msg": sprintf("default environment variable '%s' looks like a secret and holds a literal value; keep secrets out of the platform repo and rotate the value that was committed", [var]),
		"rule": "PAVED-ENV-005",
		"pointer": lib.pointer(["spec", "defaults", "env", var]),
	}
}

# PAVED-ENV-006: a change window is not empty: a one-off window ends after it starts, a recurring one does
# not start and end at the same time. (A recurring window whose end is before its start is left alone: the
# contract does not say whether it spans midnight.)
deny_change_window_empty contains result if {
	input.kind == "Environment"
	some i, window in object.get(input.spec, "changeWindows", [])
	empty_window(window)
	result := {
		"msg": sprintf("change window %d (%s) is empty, so it never applies; check its %s", [i, window.type, window_bounds(window)]),
		"rule": "PAVED-ENV-006",
		"pointer": lib.pointer(["spec", "changeWindows", format_int(i, 10)]),
	}
}

# PAVED-ENV-007: production says when changes may be applied.
warn_production_change_windows contains result if {
	input.kind == "Environment"
	input.spec.tier == "production"
	count(object.get(input.spec, "changeWindows", [])) == 0
	result := {
		"msg": "production environment declares no change windows, so changes are applied at any hour, including nights and weekends; add spec.changeWindows",
		"rule": "PAVED-ENV-007",
		"pointer": "/spec",
	}
}

# PAVED-ENV-008: services in production run at least 2 replicas unless they say otherwise.
warn_production_replicas contains result if {
	input.kind == "Environment"
	input.spec.tier == "production"
	replicas := object.get(input.spec, ["defaults", "replicas"], 1)
	replicas < 2
	result := {
		"msg": sprintf("production environment gives services %d replica(s) by default; set spec.defaults.replicas to 2 or more", [replicas]),
		"rule": "PAVED-ENV-008",
		"pointer": "/spec/defaults",
	}
}

# PAVED-ENV-009: production is promoted from a staging (or another production) environment, not from a
# development or ephemeral one. Needs the catalog to know the source's tier.
warn_production_source_tier contains result if {
	input.kind == "Environment"
	input.spec.tier == "production"
	source := input.spec.promotion.from
	source_tier := lib.tier(source)
	source_tier in {"development", "ephemeral"}
	result := {
		"msg": sprintf("production environment is promoted from '%s', a %s environment; promote from a staging environment that runs like production", [source, source_tier]),
		"rule": "PAVED-ENV-009",
		"pointer": "/spec/promotion/from",
	}
}

promotion_pointer := "/spec/promotion" if {
	input.spec.promotion
} else := "/spec"

empty_window(window) if time.parse_rfc3339_ns(window.until) <= time.parse_rfc3339_ns(window.from)

empty_window(window) if window.start == window.end

window_bounds(window) := "from and until" if {
	window.from
} else := "start and end"

# Seconds in a contract duration (a whole number and one of s, m, h, d, w, e.g. 72h or 14d).
duration_seconds(duration) := to_number(substring(duration, 0, count(duration) - 1)) * unit_seconds[unit] if {
	unit := substring(duration, count(duration) - 1, 1)
}

unit_seconds := {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
