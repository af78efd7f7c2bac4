#!/usr/bin/env bash
# Fetches one TDLib version's two files, each from a registry package, each checked by sha256, into the
# cache folder (printed last):
#   ${TDJSON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tdjson-1.8.61}/libtdjson.so
#   ${TDJSON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tdjson-1.8.61}/td_api.tl
# - libtdjson.so, TDLib 1.8.61 (Linux x86-64 glibc), from the Node registry package
#   @prebuilt-tdlib/linux-x64-glibc@0.1008061.0 (`npm pack`);
# - td_api.tl, TDLib 1.8.61, from the crates.io package tdlib-rs 1.4.0 (its tl/api.tl; `cargo fetch`).
# Why this pair: tdlib-rs is the one registry package found that ships a td_api.tl, and 1.8.61 is both its
# TDLib version and one that prebuilt-tdlib publishes (no registry package ships 1.8.65's td_api.tl).
# tl-tdjson's `TdJson::load(None)` finds the library here, and the build scripts of examples/tdjson-client
# and tests/tdjson find td_api.tl here (TDJSON_PATH and TD_API_TL take precedence).
# Needs npm, cargo, tar and sha256sum; does nothing if both files are there and check out.
set -euo pipefail

LIBRARY_PACKAGE="@prebuilt-tdlib/linux-x64-glibc@0.1008061.0"
LIBRARY_TARBALL_SHA256="a6bcb4fe666033bdaa6fb8cb437b04c0ec3e00cd3008e80aed60257bd3ccfc9d"
LIBRARY_SHA256="1525729d63def8a7804197f9ee26c5164e8b6726fcf65780d99db42f1a721a2d"
SCHEMA_CRATE="tdlib-rs"
SCHEMA_CRATE_VERSION="1.4.0"
SCHEMA_CRATE_SHA256="22b81aaf77a285bb07e6e5f53d5309964af5a79d2e70fc3d03300a6ae1db4da7"
SCHEMA_SHA256="91d18186d092ea080a6cdcd0e5f02acd307a9b69f0f529b1aff68c978c7bd5df"
CACHE="${TDJSON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tdjson-1.8.61}"

# checks_out, fail and the work folder $work.
source "$(dirname "${BASH_SOURCE[0]}")/fetch-common.sh"

# The library, from the npm package's tarball.
fetch_library() {
  (cd "$work" && npm pack --silent "$LIBRARY_PACKAGE" >/dev/null)
  local tarball
  tarball="$(ls "$work"/*.tgz)"
  checks_out "$tarball" "$LIBRARY_TARBALL_SHA256" ||
    fail "$LIBRARY_PACKAGE does not have the expected sha256 $LIBRARY_TARBALL_SHA256"
  tar -xzf "$tarball" -C "$work" package/libtdjson.so
  checks_out "$work/package/libtdjson.so" "$LIBRARY_SHA256" ||
    fail "libtdjson.so of $LIBRARY_PACKAGE does not have the expected sha256 $LIBRARY_SHA256"
  mv "$work/package/libtdjson.so" "$CACHE/libtdjson.so.partial"
  mv "$CACHE/libtdjson.so.partial" "$CACHE/libtdjson.so"
}

# td_api.tl, from the crate: `cargo fetch` of a manifest that depends on it puts the .crate file in
# cargo's download cache, where it is checked and unpacked.
fetch_schema() {
  local manifest="$work/schema-crate"
  mkdir -p "$manifest/src"
  touch "$manifest/src/lib.rs"
  printf '[package]\nname = "fetch-td-api"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s = { version = "=%s", default-features = false }\n' \
    "$SCHEMA_CRATE" "$SCHEMA_CRATE_VERSION" >"$manifest/Cargo.toml"
  cargo fetch --quiet --manifest-path "$manifest/Cargo.toml" --target "$(rustc -vV | sed -n 's/^host: //p')"
  local crate
  crate="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$SCHEMA_CRATE-$SCHEMA_CRATE_VERSION.crate" | head -1)"
  checks_out "$crate" "$SCHEMA_CRATE_SHA256" ||
    fail "$crate does not have the expected sha256 $SCHEMA_CRATE_SHA256"
  tar -xzf "$crate" -C "$work" "$SCHEMA_CRATE-$SCHEMA_CRATE_VERSION/tl/api.tl"
  checks_out "$work/$SCHEMA_CRATE-$SCHEMA_CRATE_VERSION/tl/api.tl" "$SCHEMA_SHA256" ||
    fail "tl/api.tl of $SCHEMA_CRATE $SCHEMA_CRATE_VERSION does not have the expected sha256 $SCHEMA_SHA256"
  mv "$work/$SCHEMA_CRATE-$SCHEMA_CRATE_VERSION/tl/api.tl" "$CACHE/td_api.tl.partial"
  mv "$CACHE/td_api.tl.partial" "$CACHE/td_api.tl"
}

mkdir -p "$CACHE"
checks_out "$CACHE/libtdjson.so" "$LIBRARY_SHA256" || fetch_library
checks_out "$CACHE/td_api.tl" "$SCHEMA_SHA256" || fetch_schema
echo "$CACHE"
