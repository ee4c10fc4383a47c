#!/usr/bin/env bash
# Runs every test of the repository on a machine with only the .NET 10 SDK and Node 20:
# installs the pinned Node peers, builds the solution once, runs every test project in one `dotnet test`,
# and ends with the totals as one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log_dir=artifacts/test-logs
rm -rf "$log_dir" && mkdir -p "$log_dir"

step() { printf '\n== %s\n' "$*"; }

step "Node peers (Prism, @clerk/backend, jose, svix)"
npm ci --prefix tests/peers --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }

step "Native toolchain (the packaging tests and the sample publish with Native AOT)"
build/native-toolchain.sh || { echo "0 passed, 1 failed"; exit 1; }

step "Redis (the fleet tests start a real redis-server on a loopback port)"
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing redis-server"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
      || { echo "could not install redis-server"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "redis-server is missing and cannot be installed here (the fleet tests will fail)"
  fi
fi

step "Build"
dotnet build Clerk.Generated.sln -c Release -nologo || { echo "0 passed, 1 failed"; exit 1; }

step "Test"
dotnet test Clerk.Generated.sln -c Release --no-build -nologo 2>&1 | tee "$log_dir/dotnet-test.log"
test_status=${PIPESTATUS[0]}

step "Native AOT sample (publish, HTTP smoke, bounded load)"
build/aot-smoke.sh 2>&1 | tee -a "$log_dir/dotnet-test.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || test_status=1

node build/summarize-test-log.mjs "$log_dir/dotnet-test.log" "$test_status"
