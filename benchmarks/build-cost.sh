#!/usr/bin/env bash
# What the generated client costs the builds of a consuming app.
#
#   benchmarks/build-cost.sh [runs]              inner loop: C#-only edits, three layouts
#   BASELINE=<git-rev> benchmarks/build-cost.sh  also a clean compile of the generated code with the generator at
#                                                <git-rev> (a git worktree), against this checkout's
#
# Inner loop: three consumers in a temp folder, each built once, then built <runs> times (default 5) after a one-line
# edit of Program.cs, with the compiler server on (as on users' machines):
#   no-spec    the app without the spec item (the baseline)
#   in-app     the spec item in the app project
#   library    the recommended layout: the spec item in a small class library the app references
# Prints the median build time of each and its ratio to no-spec.
#
# Clean compile: `dotnet build --no-incremental` of the library alone (generator output compiled from scratch),
# median of <runs>, and the size of the generated code; with BASELINE, the same for the generator at that revision.
# The timed builds' output goes to $BUILD_COST_LOG (default /dev/null), to see why one failed.
set -euo pipefail
export BUILD_COST_LOG="${BUILD_COST_LOG:-/dev/null}"

runs="${1:-5}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/clerk-build-cost.XXXXXX)"
spec="${CLERK_SPEC:-$repo/../shared/clerk-openapi/bapi/2026-05-12.yml}"
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# write_library <dir> <repo-root>: a class library holding only the spec item, generator and runtime referenced
# from <repo-root> the way spec/UseClerkGenerator.props does.
write_library() {
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

# write_app <dir> <mode>: a console app; mode no-spec | in-app | library.
write_app() {
  mkdir -p "$1"
  local items=""
  case "$2" in
    in-app) items="<ProjectReference Include=\"$repo/generator/Clerk.Generated.Generator/Clerk.Generated.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <ProjectReference Include=\"$repo/runtime/Clerk.Generated.Runtime/Clerk.Generated.Runtime.csproj\" />
    <AdditionalFiles Include=\"$spec\" ClerkSpec=\"true\" />" ;;
    library) items="<ProjectReference Include=\"$work/library/Clerk.Client.csproj\" />" ;;
    no-spec) items="<ProjectReference Include=\"$repo/runtime/Clerk.Generated.Runtime/Clerk.Generated.Runtime.csproj\" />" ;;
  esac
  cat > "$1/App.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/spec/build/Clerk.Generated.props" />
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
write_library "$work/library" "$repo"

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

clean_compile() { # <library dir> <label>
  build "$1" >>"$BUILD_COST_LOG"
  local times=""
  for i in $(seq 1 "$runs"); do
    times+="$(seconds dotnet build "$1" -c Release -nologo --no-incremental --no-dependencies -p:UseSharedCompilation=true -p:TreatWarningsAsErrors=false -p:EmitCompilerGeneratedFiles=true)"$'\n'
  done
  local generated
  generated=$(find "$1/obj" -path '*generated*' -name '*.g.cs' -print0 | xargs -0 cat | wc -c)
  printf '  %-10s %6.2f s  generated %s bytes\n' "$2" "$(printf '%s' "$times" | median)" "$generated"
}

echo "clean compile of the library holding the spec (median seconds of $runs)"
clean_compile "$work/library" "current"
if [[ -n "${BASELINE:-}" ]]; then
  git -C "$repo" worktree add --detach "$work/baseline-repo" "$BASELINE" >/dev/null 2>&1
  write_library "$work/baseline-library" "$work/baseline-repo"
  clean_compile "$work/baseline-library" "$BASELINE"
  git -C "$repo" worktree remove --force "$work/baseline-repo"
fi
