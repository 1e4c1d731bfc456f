#!/usr/bin/env bash
# Runs every test of the solution: ./test.sh [extra dotnet test arguments]
#
# The PostgreSQL tests need a server. Unless DISPATCH_TEST_PG already holds one's base connection string
# (for example "Host=127.0.0.1;Port=5432;Username=postgres"), this script starts a throwaway cluster from the
# machine's PostgreSQL binaries (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin; as user
# "postgres" when run as root) on a free loopback port, exports DISPATCH_TEST_PG, and removes the cluster on exit.
# Each test fixture creates its own database on that server.
#
# Ends with "Total: N passed, N failed" summed over the test projects (from their TRX files), and exits with
# dotnet test's exit code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results_dir="$PWD/test-results"
pg_root=""
pg_ctl=""

say() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as the PostgreSQL server user when we are root (PostgreSQL refuses to run as root).
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Sets initdb and pg_ctl: from PATH when both are there, else the highest /usr/lib/postgresql/*/bin.
find_pg_binaries() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    initdb=$(command -v initdb)
    pg_ctl=$(command -v pg_ctl)
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
      initdb=$dir/initdb
      pg_ctl=$dir/pg_ctl
      return 0
    fi
  done
  return 1
}

# True when something listens on 127.0.0.1:$1.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A loopback port nobody listens on, below Linux's ephemeral range so outgoing connections do not take it.
free_port() {
  local port _
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    if ! port_taken "$port"; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

stop_postgres() {
  [[ -n $pg_root ]] || return 0
  if [[ -f $pg_root/data/postmaster.pid ]]; then
    say "Stopping throwaway PostgreSQL"
    as_pg "$pg_ctl" -D "$pg_root/data" stop -m immediate -w >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_root"
  pg_root=""
}

on_exit() {
  local rc=$?
  stop_postgres
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres() {
  local initdb
  find_pg_binaries || die "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or under /usr/lib/postgresql/*/bin; install them (apt-get install postgresql) or set DISPATCH_TEST_PG"
  if is_root; then
    id -u postgres >/dev/null 2>&1 || die "running as root, PostgreSQL must run as user 'postgres', and there is none (apt-get install postgresql creates it)"
    command -v runuser >/dev/null 2>&1 || die "running as root, runuser is needed to run PostgreSQL as user 'postgres'"
  fi

  pg_root=$(mktemp -d "${TMPDIR:-/tmp}/dispatch-test-pg.XXXXXX")
  if is_root; then chown postgres "$pg_root"; fi

  say "Creating throwaway PostgreSQL cluster in $pg_root ($("$pg_ctl" --version))"
  if ! as_pg "$initdb" -D "$pg_root/data" -A trust -U postgres --no-sync -E UTF8 --locale=C >"$pg_root/initdb.log" 2>&1; then
    tail -n 30 "$pg_root/initdb.log" >&2
    die "initdb failed"
  fi

  local attempt port
  for attempt in 1 2 3; do
    port=$(free_port) || die "found no free loopback port"
    say "Starting throwaway PostgreSQL on 127.0.0.1:$port ..."
    if as_pg "$pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
        -o "-p $port -k $pg_root -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400" \
        start >"$pg_root/pg_ctl.log" 2>&1; then
      export DISPATCH_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres"
      say "PostgreSQL is up: DISPATCH_TEST_PG=$DISPATCH_TEST_PG"
      return 0
    fi
    say "PostgreSQL did not start on port $port (attempt $attempt of 3); server log:"
    tail -n 20 "$pg_root/server.log" 2>/dev/null >&2 || true
    as_pg "$pg_ctl" -D "$pg_root/data" stop -m immediate -w >/dev/null 2>&1 || true
  done
  die "PostgreSQL did not start; see the server log above"
}

# Prints "Total: N passed, N failed" from the TRX files of the run.
print_summary() {
  local passed=0 failed=0 files=0 trx counters name value
  for trx in "$results_dir"/*.trx; do
    [[ -f $trx ]] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    for name in passed failed error timeout aborted; do
      value=$(sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
      value=${value:-0}
      if [[ $name == passed ]]; then passed=$((passed + value)); else failed=$((failed + value)); fi
    done
  done
  if [[ $files -eq 0 ]]; then
    say "No test results were written (did the build fail?)"
  fi
  if [[ $failed -gt 0 ]]; then
    print_failures
  fi
  echo "Total: $passed passed, $failed failed"
}

# Lists each failed test with the first lines of its message, so the end of the log says what failed.
print_failures() {
  local trx
  say "Failed tests:"
  for trx in "$results_dir"/*.trx; do
    [[ -f $trx ]] || continue
    awk '
      /<UnitTestResult / {
        failed = ($0 ~ /outcome="Failed"/)
        if (failed) {
          name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
          print "  FAILED " name
          lines = 0
        }
      }
      failed && /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
      failed && inmsg {
        line = $0; done = sub(/<\/Message>.*/, "", line)
        if (lines < 6) print "    " line
        lines++
        if (done) { inmsg = 0; failed = 0 }
      }
    ' "$trx"
  done
}

if [[ -n ${DISPATCH_TEST_PG:-} ]]; then
  say "Using the PostgreSQL server in DISPATCH_TEST_PG"
else
  start_postgres
fi

# @redocly/cli lints the served OpenAPI document (OpenApiDocumentTests); install it from tools/package-lock.json once.
if [[ ! -x tools/node_modules/.bin/redocly ]]; then
  command -v npm >/dev/null 2>&1 || die "npm is needed for @redocly/cli (tools/package.json); install Node.js 20.19+ and npm"
  say "Installing tools/ (npm ci: @redocly/cli)"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

rm -rf "$results_dir"
mkdir -p "$results_dir"
say "Running dotnet test Dispatch.sln $*"
set +e
dotnet test Dispatch.sln --logger "console;verbosity=normal" --logger trx --results-directory "$results_dir" "$@" \
  2>&1 | tee "$results_dir/dotnet-test.log"
rc=${PIPESTATUS[0]}
set -e

if [[ $rc -ne 0 ]]; then
  say "dotnet test failed with exit code $rc"
fi
print_summary
exit "$rc"
