# Sourced by scripts/test: makes sure the real Conftest, at the version the parity tests compare Paved with, is on
# PATH. Built from source with `go install` into the project-local, gitignored .tools/bin (never a downloaded
# release binary). Needs $root (the repo root).

# shellcheck source=gotool.sh
source "$(dirname "${BASH_SOURCE[0]}")/gotool.sh"

PAVED_CONFTEST_VERSION=0.71.1

ensure_conftest() {
  local tools="${root:?ensure_conftest needs \$root}/.tools/bin"
  # go install leaves the version out of `conftest --version`; the module version is in the build info
  if [[ -x "$tools/conftest" ]] && go version -m "$tools/conftest" 2>/dev/null \
      | grep -q "open-policy-agent/conftest[[:space:]]*v$PAVED_CONFTEST_VERSION"; then
    export PATH="$tools:$PATH"
    return 0
  fi
  go_install_tool conftest github.com/open-policy-agent/conftest "$PAVED_CONFTEST_VERSION" \
    "the Conftest parity tests"
}
