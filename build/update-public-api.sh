#!/usr/bin/env bash
# Brings the public API baselines (PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt beside each shipped library) in line
# with the code: builds the four libraries with the analyzers' findings as warnings, adds every public symbol the
# build reports as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt, and removes every declared symbol
# that no longer exists (RS0017) from either file. The symbol text is the analyzer's own, so source-generated members
# (System.Text.Json contexts) are covered too, which `dotnet format analyzers --diagnostics RS0016` leaves out.
# Review the diff: every added line is new public API, every removed line a breaking change.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

projects=(runtime/Clerk.Generated.Runtime runtime/Clerk.Generated.AspNetCore runtime/Clerk.Generated.Testing runtime/Clerk.Generated.Redis)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The runtime first (with the generator it packs), then the two libraries on top of it without rebuilding it.
for project in "${projects[@]}"; do
  [ "$project" = "${projects[0]}" ] && dependencies=() || dependencies=(--no-dependencies)
  dotnet build "$project" -c Release --no-incremental "${dependencies[@]}" -nologo -clp:NoSummary \
    -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false >>"$log" 2>&1 || true
done

for project in "${projects[@]}"; do
  csproj="$(pwd)/$project/$(basename "$project").csproj"
  unshipped="$project/PublicAPI.Unshipped.txt"
  shipped="$project/PublicAPI.Shipped.txt"
  # Lines look like: <file>(l,c): warning RS0016: Symbol '<api>' is not part of the declared public API (...) [<csproj>]
  added=$(grep -F "[$csproj]" "$log" | grep -F " RS0016: " | sed -E "s/.* RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
  removed=$(grep -F "[$csproj]" "$log" | grep -F " RS0017: " | sed -E "s/.* RS0017: Symbol '(.*)' is part of the declared API.*/\1/" | sort -u || true)

  for file in "$shipped" "$unshipped"; do
    [ -f "$file" ] || printf '#nullable enable\n' >"$file"
    body=$(grep -v '^#nullable enable$' "$file" || true)
    if [ "$file" = "$unshipped" ] && [ -n "$added" ]; then
      body=$(printf '%s\n%s\n' "$body" "$added")
    fi
    if [ -n "$removed" ]; then
      body=$(printf '%s\n' "$body" | grep -vxF -f <(printf '%s\n' "$removed") || true)
    fi
    { printf '#nullable enable\n'; printf '%s\n' "$body" | sed '/^$/d' | LC_ALL=C sort -u; } >"$file"
  done
  echo "$project: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
done

others=$(grep -E " (error|warning) RS0[0-9]{3}: " "$log" | grep -vE " RS001[67]: " | sort -u || true)
if [ -n "$others" ]; then
  printf '%s\n' "$others"
  echo "Other public API findings above need a decision in code."
  exit 1
fi
