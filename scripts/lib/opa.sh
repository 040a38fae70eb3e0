# Sourced by scripts/test (and whatever else compiles or tests Rego): makes sure the OPA compiler, at the
# version Paved is built against, is on PATH. It is built from source with `go install` into the
# project-local, gitignored .tools/bin (never a downloaded release binary). Needs $root (the repo root).

# shellcheck source=gotool.sh
source "$(dirname "${BASH_SOURCE[0]}")/gotool.sh"

PAVED_OPA_VERSION=1.22.3

ensure_opa() {
  local tools="${root:?ensure_opa needs \$root}/.tools/bin"
  if _opa_is_wanted "$tools/opa" || _opa_is_wanted "$(command -v opa 2>/dev/null)"; then
    export PATH="$tools:$PATH"
    return 0
  fi
  go_install_tool opa github.com/open-policy-agent/opa "$PAVED_OPA_VERSION" \
    "building and testing the Rego policies"
}

# True when $1 is an executable opa binary of the wanted version.
_opa_is_wanted() {
  [[ -n "$1" && -x "$1" ]] && "$1" version 2>/dev/null | grep -qx "Version: $PAVED_OPA_VERSION"
}
