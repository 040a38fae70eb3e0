# Sourced by scripts/test: makes sure the tools the signed-commit tests sign with are installed: git (commits signed
# by git itself), ssh-keygen (SSH keys and signatures) and gpg with gpg-agent (OpenPGP keys and signatures), from
# Debian's git, openssh-client, gnupg and gpg-agent packages. Paved itself needs none of them to verify signatures.

ensure_signing_tools() {
  local missing=()
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  command -v gpg-agent >/dev/null 2>&1 || missing+=(gpg-agent)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "paved: installing ${missing[*]} from Debian packages (for the signed-commit tests)..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    return 0
  fi
  echo "paved: the signed-commit tests need git, ssh-keygen and gpg; install them as root with:" \
    "apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 2
}
