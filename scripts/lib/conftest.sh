# Sourced by scripts/test: makes sure the real Conftest, at the version the parity tests compare Paved with, is on
# PATH. Built from source with `go install` into the project-local, gitignored .tools/bin (never a downloaded
# release binary). Needs $root (the repo root).

PAVED_CONFTEST_VERSION=0.71.1

ensure_conftest() {
  local tools="${root:?ensure_conftest needs \$root}/.tools/bin"
  # go install leaves the version out of `conftest --version`; the module version is in the build info
  if [[ -x "$tools/conftest" ]] && go version -m "$tools/conftest" 2>/dev/null \
      | grep -q "open-policy-agent/conftest[[:space:]]*v$PAVED_CONFTEST_VERSION"; then
    export PATH="$tools:$PATH"
    return 0
  fi
  local install="GOBIN=\"$tools\" go install github.com/open-policy-agent/conftest@v$PAVED_CONFTEST_VERSION"
  if ! command -v go >/dev/null 2>&1; then
    echo "paved: the Conftest parity tests need conftest $PAVED_CONFTEST_VERSION; install Go and run: $install" >&2
    exit 2
  fi
  echo "paved: building conftest $PAVED_CONFTEST_VERSION into .tools/bin with go install" \
    "(this takes a few minutes the first time)..." >&2
  local log
  log="$(mktemp)"
  if ! GOBIN="$tools" go install "github.com/open-policy-agent/conftest@v$PAVED_CONFTEST_VERSION" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "paved: could not build conftest; the command was: $install" >&2
    exit 2
  fi
  rm -f "$log"
  export PATH="$tools:$PATH"
}
