# Sourced by scripts/test and scripts/bench-postgres-observe: makes sure the PostgreSQL server binaries are
# installed (Debian's `postgresql` package, which also creates the `postgres` system user the tests run the
# server as). Starts nothing: the tests start their own throwaway clusters.

ensure_postgres() {
  if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    return 0
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "paved: installing the PostgreSQL server from Debian packages (for the postgres provider's tests)..." >&2
    apt-get update -qq >&2
    # the package may set up a cluster of its own on port 5432; the tests never use it (they pick free ports)
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
      return 0
    fi
  fi
  echo "paved: the postgres provider's tests need the PostgreSQL server binaries" \
    "(/usr/lib/postgresql/*/bin/initdb); install them as root with:" \
    "apt-get update && apt-get install -y postgresql" >&2
  exit 2
}
