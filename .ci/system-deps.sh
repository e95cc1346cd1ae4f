#!/usr/bin/env bash
# The system programs the tests drive for real: PostgreSQL's server binaries (initdb, pg_ctl) for the server's
# real-database tests, and Chromium for the docs, reports and views. Run first by `npm test`, so a fresh machine
# needs nothing installed by hand: what is missing is installed from Debian's packages when we may (root with
# apt-get), otherwise the run stops at once with one line saying what to install.
set -euo pipefail

missing=()
have_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && return 0
  done
  return 1
}
have_postgres || missing+=(postgresql)
{ command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } || missing+=(chromium)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: installing ${missing[*]} from Debian's packages (needed by the real-database and browser tests)" >&2
  log=$(mktemp)
  if apt-get update >"$log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >>"$log" 2>&1; then
    rm -f "$log"
    exit 0
  fi
  tail -n 20 "$log" >&2
  echo "npm test: could not install ${missing[*]} (apt-get log above); install them and try again." >&2
  exit 1
fi

echo "npm test needs ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (Debian/Ubuntu) and try again." >&2
exit 1
