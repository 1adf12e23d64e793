# shellcheck shell=bash
# Finds a JDK 21 or newer for ./outdial and ./test; sourced, never run.
#   outdial_require_jdk  sets and exports JAVA_HOME, or prints what to install and exits 1.
# Order: JAVA_HOME when it is 21+, then `java` on PATH when 21+, then the newest 21+ under /usr/lib/jvm.

OUTDIAL_JDK_MIN=21

# Prints the feature version of the JDK at $1 (e.g. 21, 25), or nothing when $1 is not a JDK.
outdial_jdk_major() {
  local home="$1"
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { v = $2; sub(/^1\./, "", v); print v; exit }'
}

outdial_jdk_ok() {
  local major
  major="$(outdial_jdk_major "$1")"
  [ -n "$major" ] && [ "$major" -ge "$OUTDIAL_JDK_MIN" ]
}

outdial_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && outdial_jdk_ok "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  local java_on_path home
  if java_on_path="$(command -v java 2>/dev/null)"; then
    home="$(dirname "$(dirname "$(readlink -f "$java_on_path")")")"
    if outdial_jdk_ok "$home"; then
      printf '%s\n' "$home"
      return 0
    fi
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
    major="$(outdial_jdk_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge "$OUTDIAL_JDK_MIN" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}

outdial_require_jdk() {
  local home
  if ! home="$(outdial_find_jdk)"; then
    cat >&2 <<MSG
outdial needs a JDK $OUTDIAL_JDK_MIN or newer, and found none (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*).
Install one, then run this again:
  Debian/Ubuntu:  sudo apt-get install -y openjdk-21-jdk
  or Temurin $OUTDIAL_JDK_MIN+ from https://adoptium.net (then set JAVA_HOME to where it is).
MSG
    exit 1
  fi
  export JAVA_HOME="$home"
  # Maven 3.9 on Java 24+ warns about sun.misc.Unsafe on every run; the warning is Maven's, not ours.
  if [ "$(outdial_jdk_major "$home")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
