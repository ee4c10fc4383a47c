#!/usr/bin/env bash
# Publishes the sample with Native AOT (warnings are errors, so a clean publish is a zero-warning publish), publishes
# the JwtBearer baseline the same way, then starts both on loopback ports and checks 200 / 401 / 403 over real HTTP
# and runs a bounded load (20,000 requests, 32 connections; three alternated rounds) against GET /me of the sample,
# the sample with EnableTokenCache, the baseline and the baseline without authentication (Baseline__Authentication=none,
# the ceiling), then starts the sample, the baseline and the baseline without Data Protection
# (Baseline__DataProtection=none, as the sample's AddClerkAuthentication runs) 21 times each, alternated, timing exec to
# the first answered GET /health.
# Load method: with two CPUs or more (and taskset), every service under load runs on CPU 0 (`taskset -c 0`, the same
# for all four) and the load client, a wrk-like HTTP/1.1 client on raw sockets (pre-encoded request, kept-alive
# connections, whole answer read before the next request), runs in a process of its own on CPU 1, so the client never
# takes the server's CPU time and each ratio compares servers. Besides req/s it prints each server's CPU time per
# request (best round), which other processes on a shared host move far less. The start-up series is not pinned.
# Ends with a dotnet-test-style summary line that build/summarize-test-log.mjs counts. Bounded: every step runs under
# `timeout`.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=artifacts/aot
rm -rf "$out" && mkdir -p "$out"
fail() { echo "$1"; echo "Failed!  - Failed: 1, Passed: 0, Skipped: 0, Total: 1 - aot-smoke ($1)"; exit 1; }

build/native-toolchain.sh || fail "no native toolchain for Native AOT"

publish() { # project, output folder
  timeout 900 dotnet publish "$1" -c Release -r linux-x64 -o "$2" --artifacts-path "$out/build" -nologo >"$2.log" 2>&1
  local status=$?
  grep -E "warning|error" "$2.log" || true
  return $status
}

started=$(date +%s)
publish samples/Clerk.Sample.Api "$out/sample" || fail "Native AOT publish of samples/Clerk.Sample.Api failed"
warnings=$(grep -cE "warning (IL|CS|AOT)" "$out/sample.log" || true)
[ "$warnings" -eq 0 ] || fail "Native AOT publish of the sample reported $warnings warnings"
echo "sample: published in $(( $(date +%s) - started )) s, binary $(stat -c %s "$out/sample/Clerk.Sample.Api") bytes, 0 trim/AOT warnings"

publish build/aspnetcore-smoke/JwtBearerBaseline "$out/baseline" || fail "Native AOT publish of the JwtBearer baseline failed"
echo "baseline: binary $(stat -c %s "$out/baseline/JwtBearerBaseline") bytes"

if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  export SMOKE_SERVER_CPUS=0 SMOKE_CLIENT_CPUS=1
  echo "load: services on CPU $SMOKE_SERVER_CPUS, load client on CPU $SMOKE_CLIENT_CPUS"
else
  echo "load: fewer than 2 CPUs or no taskset; client and services share the CPUs"
fi

timeout 600 dotnet run --project build/aspnetcore-smoke/Clerk.Sample.Smoke -c Release --artifacts-path "$out/build" -- \
  "$out/sample/Clerk.Sample.Api" "$out/baseline/JwtBearerBaseline" 20000 32 21
