# Sourced by ./paved and scripts/*: makes sure Java 17+ and Maven are on PATH, installing them from Debian's
# packages when they are missing and we may (root with apt-get). Anything else the project needs is installed
# by the script that needs it.

ensure_java_and_maven() {
  if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    return 0
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "paved: installing Java 17 and Maven from Debian packages..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >&2
    return 0
  fi
  echo "paved: needs Java 17 (or newer) and Maven on PATH; install them (e.g. apt-get install openjdk-17-jdk-headless maven)" >&2
  exit 2
}
