# Sourced by scripts/test (and whatever else compiles or tests Rego): makes sure the OPA compiler, at the
# version Paved is built against, is on PATH. It is built from source with `go install` into the
# project-local, gitignored .tools/bin (never a downloaded release binary). Needs $root (the repo root).

PAVED_OPA_VERSION=1.22.3

ensure_opa() {
  local tools="${root:?ensure_opa needs \$root}/.tools/bin"
  if _opa_is_wanted "$tools/opa" || _opa_is_wanted "$(command -v opa 2>/dev/null)"; then
    export PATH="$tools:$PATH"
    return 0
  fi
  local install="GOBIN=\"$tools\" go install github.com/open-policy-agent/opa@v$PAVED_OPA_VERSION"
  if ! command -v go >/dev/null 2>&1; then
    echo "paved: needs the OPA compiler (opa $PAVED_OPA_VERSION) to build and test the Rego policies." \
      "Install Go (https://go.dev/dl/) and run: $install" >&2
    exit 2
  fi
  echo "paved: building opa $PAVED_OPA_VERSION into .tools/bin with go install" \
    "(this takes a few minutes the first time)..." >&2
  local log
  log="$(mktemp)"
  if ! GOBIN="$tools" go install "github.com/open-policy-agent/opa@v$PAVED_OPA_VERSION" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "paved: could not build opa; the command was: $install" >&2
    exit 2
  fi
  rm -f "$log"
  export PATH="$tools:$PATH"
}

# True when $1 is an executable opa binary of the wanted version.
_opa_is_wanted() {
  [[ -n "$1" && -x "$1" ]] && "$1" version 2>/dev/null | grep -qx "Version: $PAVED_OPA_VERSION"
}
