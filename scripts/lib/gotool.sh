# Sourced by opa.sh and conftest.sh: builds a Go tool from its module with `go install` into the project-local,
# gitignored .tools/bin (never a downloaded release binary), and puts that directory first on PATH.

# go_install_tool NAME MODULE VERSION PURPOSE: installs MODULE@vVERSION as .tools/bin/NAME; needs $root.
go_install_tool() {
  local name="$1" module="$2" version="$3" purpose="$4"
  local tools="${root:?go_install_tool needs \$root}/.tools/bin"
  local install="GOBIN=\"$tools\" go install $module@v$version"
  if ! command -v go >/dev/null 2>&1; then
    echo "paved: $purpose needs $name $version; install Go (https://go.dev/dl/) and run: $install" >&2
    exit 2
  fi
  echo "paved: building $name $version into .tools/bin with go install" \
    "(this takes a few minutes the first time)..." >&2
  local log
  log="$(mktemp)"
  if ! GOBIN="$tools" go install "$module@v$version" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "paved: could not build $name; the command was: $install" >&2
    exit 2
  fi
  rm -f "$log"
  export PATH="$tools:$PATH"
}
