#!/usr/bin/env bash
# What the generated client costs the builds of a consuming app.
#
#   benchmarks/build-cost.sh [runs]              inner loop: C#-only edits, three layouts
#   BASELINE=<git-rev> benchmarks/build-cost.sh  also a clean compile of the generated code with the generator at
#                                                <git-rev> (a git worktree), against this checkout's
#
# Inner loop: this checkout is packed (`dotnet pack`, a version of its own) into a feed in a temp folder, and three
# consumers reference the packages as users do, each built once, then built <runs> times (default 5) after a
# one-line edit of Program.cs, with the compiler server on (as on users' machines):
#   no-spec    the app with the Clerk.Generated package and without the spec item (the baseline)
#   in-app     the spec item in the app project
#   library    the recommended layout: the spec item in a small class library the app references
# Prints the median build time of each and its ratio to no-spec.
#
# Clean compile: `dotnet build --no-incremental` of a library holding the spec with the generator and runtime
# referenced as projects (generator output compiled from scratch), the median time of its Csc task over <runs> and
# the size of the generated code; with BASELINE, the same for the generator at that revision. The compiler server
# JIT-compiles its own code over its first large compilations, so $WARMUP (default 6) rounds of the same builds run
# first and are not counted; their times are printed apart.
# The timed builds' output goes to $BUILD_COST_LOG (default /dev/null), to see why one failed.
set -euo pipefail
export BUILD_COST_LOG="${BUILD_COST_LOG:-/dev/null}"

runs="${1:-5}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/clerk-build-cost.XXXXXX)"
spec="${CLERK_SPEC:-$repo/../shared/clerk-openapi/bapi/2026-05-12.yml}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

version="0.0.0-buildcost.$(date +%Y%m%d%H%M%S).$$"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work" "$packages/clerk.generated/$version"' EXIT

# write_project_library <dir> <repo-root>: a class library holding only the spec item, generator and runtime
# referenced from <repo-root> the way spec/UseClerkGenerator.props does (the BASELINE revision's clean compile).
write_project_library() {
  mkdir -p "$1"
  cat > "$1/Clerk.Client.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$2/spec/build/Clerk.Generated.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$2/generator/Clerk.Generated.Generator/Clerk.Generated.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$2/runtime/Clerk.Generated.Runtime/Clerk.Generated.Runtime.csproj" />
    <AdditionalFiles Include="$spec" ClerkSpec="true" />
  </ItemGroup>
</Project>
EOF
}

# write_library <dir>: the recommended layout's class library: the Clerk.Generated package and the spec item.
write_library() {
  mkdir -p "$1"
  cat > "$1/Clerk.Client.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Clerk.Generated" Version="$version" />
    <AdditionalFiles Include="$spec" ClerkSpec="true" />
  </ItemGroup>
</Project>
EOF
}

# write_app <dir> <mode>: a console app; mode no-spec | in-app | library.
write_app() {
  mkdir -p "$1"
  local items=""
  case "$2" in
    in-app) items="<PackageReference Include=\"Clerk.Generated\" Version=\"$version\" />
    <AdditionalFiles Include=\"$spec\" ClerkSpec=\"true\" />" ;;
    library) items="<ProjectReference Include=\"$work/library/Clerk.Client.csproj\" />" ;;
    no-spec) items="<PackageReference Include=\"Clerk.Generated\" Version=\"$version\" />" ;;
  esac
  cat > "$1/App.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>
    $items
  </ItemGroup>
</Project>
EOF
  echo 'Console.WriteLine(0);' > "$1/Program.cs"
}

seconds() { local start end; start=$(date +%s.%N); "$@" >>"$BUILD_COST_LOG"; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
build() { dotnet build "$1" -c Release -nologo -p:UseSharedCompilation=true -p:TreatWarningsAsErrors=false; }

echo '<Project />' > "$work/Directory.Build.props"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"
cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF
(cd "$repo" && Version="$version" dotnet pack -c Release -o "$work/feed" >>"$BUILD_COST_LOG")
write_library "$work/library"

echo "inner loop: $runs builds each after a one-line edit of Program.cs (median seconds)"
declare -A inner
for mode in no-spec in-app library; do
  app="$work/app-$mode"
  write_app "$app" "$mode"
  build "$app" >>"$BUILD_COST_LOG"
  times=""
  for i in $(seq 1 "$runs"); do
    echo "Console.WriteLine($i);" > "$app/Program.cs"
    times+="$(seconds build "$app")"$'\n'
  done
  inner[$mode]=$(printf '%s' "$times" | median)
done
for mode in no-spec in-app library; do
  printf '  %-8s %6.2f s  %5.2fx\n' "$mode" "${inner[$mode]}" "$(echo "${inner[$mode]} / ${inner[no-spec]}" | bc -l)"
done

# csc_seconds <library dir>: one build from scratch of the library alone; prints the seconds of its Csc task (the
# generator's run and the compile of its output), read from MSBuild's task performance summary, so the evaluation
# of referenced projects is not counted.
csc_seconds() {
  dotnet build "$1" -c Release -nologo --no-incremental --no-dependencies -p:UseSharedCompilation=true \
    -p:TreatWarningsAsErrors=false -p:EmitCompilerGeneratedFiles=true -clp:PerformanceSummary \
    | tee -a "$BUILD_COST_LOG" | awk '/Task Performance Summary/ {tasks = 1} tasks && $3 == "Csc" {printf "%.3f\n", $1 / 1000}'
}

generated_bytes() { find "$1/obj" -path '*generated*' -name '*.g.cs' -print0 | xargs -0 cat | wc -c; }

# Each library is built once first, then $WARMUP untimed rounds; then the timed builds alternate between them, so a
# changing machine load falls on both alike.
warmup="${WARMUP:-6}"
echo "clean compile of the library holding the spec, referenced as projects (median seconds of the Csc task, $runs builds each, alternated, after $warmup warm-up rounds)"
libraries=("$work/project-library") labels=("current")
write_project_library "$work/project-library" "$repo"
if [[ -n "${BASELINE:-}" ]]; then
  git -C "$repo" worktree add --detach "$work/baseline-repo" "$BASELINE" >/dev/null 2>&1
  write_project_library "$work/baseline-library" "$work/baseline-repo"
  libraries+=("$work/baseline-library") labels+=("$BASELINE")
fi
declare -A compile_times warmup_times medians
for lib in "${libraries[@]}"; do build "$lib" >>"$BUILD_COST_LOG"; done
for i in $(seq 1 "$warmup"); do
  for lib in "${libraries[@]}"; do warmup_times[$lib]+="$(csc_seconds "$lib") "; done
done
for i in $(seq 1 "$runs"); do
  for lib in "${libraries[@]}"; do compile_times[$lib]+="$(csc_seconds "$lib")"$'\n'; done
done
for k in "${!libraries[@]}"; do
  lib="${libraries[$k]}"
  medians[$lib]=$(printf '%s' "${compile_times[$lib]}" | median)
  printf '  %-10s %6.2f s  generated %s bytes  (warm-up rounds: %s)\n' "${labels[$k]}" "${medians[$lib]}" \
    "$(generated_bytes "$lib")" "${warmup_times[$lib]:-none}"
done
if [[ -n "${BASELINE:-}" ]]; then
  printf '  current / %s: %.2fx\n' "$BASELINE" "$(echo "${medians[${libraries[0]}]} / ${medians[${libraries[1]}]}" | bc -l)"
  git -C "$repo" worktree remove --force "$work/baseline-repo"
fi
