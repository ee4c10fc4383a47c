#!/usr/bin/env bash
# Native AOT links with the platform C toolchain (clang, or gcc where clang is absent) and needs objcopy to strip.
# Installs clang, zlib and binutils when they are missing and this is a root shell with apt-get; exits non-zero with
# the reason otherwise. Used by build/test.sh before the tests (the packaging tests publish a consumer with Native
# AOT) and by build/aot-smoke.sh.
set -uo pipefail
if { command -v clang >/dev/null || command -v gcc >/dev/null; } && command -v objcopy >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing the native toolchain for Native AOT (clang, zlib1g-dev, binutils)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev binutils >/dev/null && exit 0
  echo "could not install clang"
  exit 1
fi
echo "Native AOT needs clang or gcc and objcopy"
exit 1
