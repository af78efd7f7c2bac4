#!/usr/bin/env bash
# Fetches mtcute's Telegram schema data for the docs, JSON-schema and RPC-error tests, from the Node
# registry package @mtcute/tl@223.0.0 (MIT; `npm pack`), the tarball and each file sha256-checked, into
# the cache folder (printed last):
#   ${MTCUTE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/mtcute-tl-223.0.0}/api-schema.json
#   .../mtp-schema.json
#   .../raw-errors.json
# api-schema.json: layer 223's definitions with Telegram's descriptions, `available`, `throws`;
# mtp-schema.json: MTProto's service definitions (names prefixed `mt_`); raw-errors.json: 552 RPC errors
# with codes and descriptions, and the errors each method throws.
# Needs npm, tar and sha256sum; does nothing if the three files are there and check out.
set -euo pipefail

PACKAGE="@mtcute/tl@223.0.0"
TARBALL_SHA256="de1af1c8a98587fdff570c46b1ef62e26647efd02b2c2d919e59bfeed2d6acc1"
FILES=(
  "api-schema.json 31204adcea4832b2cbaa6d924bbbb3d130fac1654782638c7146446cd53b2a3d"
  "mtp-schema.json 4a0ef561ce4c574555576c59c245bbed9be1613af9cfb158bf5824bee01ae407"
  "raw-errors.json 76257c71ad13e6f5e42d2d8d8f242d64d189f03c325ebbc40672a08379e3e7d7"
)
CACHE="${MTCUTE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/mtcute-tl-223.0.0}"

# checks_out, fail and the work folder $work.
source "$(dirname "${BASH_SOURCE[0]}")/fetch-common.sh"

all_there() {
  local entry
  for entry in "${FILES[@]}"; do
    set -- $entry
    checks_out "$CACHE/$1" "$2" || return 1
  done
}

fetch() {
  (cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
  local tarball entry
  tarball="$(ls "$work"/*.tgz)"
  checks_out "$tarball" "$TARBALL_SHA256" || fail "$PACKAGE does not have the expected sha256 $TARBALL_SHA256"
  tar -xzf "$tarball" -C "$work" package
  for entry in "${FILES[@]}"; do
    set -- $entry
    checks_out "$work/package/$1" "$2" || fail "$1 of $PACKAGE does not have the expected sha256 $2"
    mv "$work/package/$1" "$CACHE/$1.partial"
    mv "$CACHE/$1.partial" "$CACHE/$1"
  done
}

mkdir -p "$CACHE"
all_there || fetch
echo "$CACHE"
