#!/usr/bin/env bash
# Fetches TDLib's JSON library (libtdjson.so, TDLib 1.8.65, commit 062f2605, Linux x86-64 glibc) from the
# Node registry package @prebuilt-tdlib/linux-x64-glibc@0.1008065.0 with `npm pack`, checks the sha256 of
# the package and of the library, and puts the library in the cache folder (printed last):
#   ${TDJSON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tdjson-1.8.65}/libtdjson.so
# The tests of tests/tdjson and the example examples/tdjson-client look there (or in TDJSON_PATH).
# Needs npm, tar and sha256sum; does nothing if the library is already there and checks out.
set -euo pipefail

PACKAGE="@prebuilt-tdlib/linux-x64-glibc@0.1008065.0"
TARBALL_SHA256="c0db1f9fefefbd99e434d028e04acd95670ec65e3c875acd02482da145929d17"
LIBRARY_SHA256="d8f3282e4160580ffcdeaac95ac930ece51904b8fb595da109992e3f87ad903e"
CACHE="${TDJSON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tdjson-1.8.65}"
LIBRARY="$CACHE/libtdjson.so"

checks_out() {
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

if checks_out "$LIBRARY" "$LIBRARY_SHA256"; then
  echo "$LIBRARY"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
if ! checks_out "$tarball" "$TARBALL_SHA256"; then
  echo "error: $PACKAGE does not have the expected sha256 $TARBALL_SHA256" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/libtdjson.so
if ! checks_out "$work/package/libtdjson.so" "$LIBRARY_SHA256"; then
  echo "error: libtdjson.so of $PACKAGE does not have the expected sha256 $LIBRARY_SHA256" >&2
  exit 1
fi
mkdir -p "$CACHE"
mv "$work/package/libtdjson.so" "$LIBRARY.partial"
mv "$LIBRARY.partial" "$LIBRARY"
echo "$LIBRARY"
