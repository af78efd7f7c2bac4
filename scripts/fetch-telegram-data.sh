#!/usr/bin/env bash
# Fetches Telegram's data that other projects publish, for the docs, JSON-schema and RPC-error tests, each
# from a registry package, sha256-checked, into two cache folders (printed last):
# 1. mtcute's, from the Node registry package @mtcute/tl@223.0.0 (MIT; `npm pack`):
#   ${MTCUTE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/mtcute-tl-223.0.0}/api-schema.json
#   .../mtp-schema.json
#   .../raw-errors.json
# api-schema.json: layer 223's definitions with Telegram's descriptions, `available`, `throws`;
# mtp-schema.json: MTProto's service definitions (names prefixed `mt_`); raw-errors.json: 552 RPC errors
# with codes and descriptions, and the errors each method throws.
# 2. Pyrogram's error lists, from the Python registry's sdist of pyrofork 2.3.69 (LGPL-3.0; its
#    compiler/errors/source/*.tsv, one file per code):
#   ${PYROFORK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/pyrofork-2.3.69}/420_FLOOD.tsv, ...
#    (fetched with python3's urllib from files.pythonhosted.org: pip cannot download this sdist without
#    building it)
# Needs npm, python3, tar and sha256sum; does nothing for files that are there and check out.
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

PYROFORK_SDIST_URL="https://files.pythonhosted.org/packages/86/da/c6e44522450483ca4a42130759a8dbc96e28c35e7ad041e16aca85c45756/pyrofork-2.3.69.tar.gz"
PYROFORK_SDIST_SHA256="945b30d50b31819a903749825e2748ac5a6af1e073bf97da8c53e510ff3ed58d"
PYROFORK_CACHE="${PYROFORK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/pyrofork-2.3.69}"
PYROFORK_LISTS="303_SEE_OTHER 400_BAD_REQUEST 401_UNAUTHORIZED 403_FORBIDDEN 406_NOT_ACCEPTABLE 420_FLOOD 500_INTERNAL_SERVER_ERROR 503_SERVICE_UNAVAILABLE"

# The error lists: the sdist checked, its .tsv files moved into the cache (the sdist's checksum is theirs).
fetch_pyrofork() {
  python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
    "$PYROFORK_SDIST_URL" "$work/pyrofork.tar.gz"
  checks_out "$work/pyrofork.tar.gz" "$PYROFORK_SDIST_SHA256" ||
    fail "pyrofork 2.3.69's sdist does not have the expected sha256 $PYROFORK_SDIST_SHA256"
  tar -xzf "$work/pyrofork.tar.gz" -C "$work" pyrofork-2.3.69/compiler/errors/source
  local list
  for list in $PYROFORK_LISTS; do
    mv "$work/pyrofork-2.3.69/compiler/errors/source/$list.tsv" "$PYROFORK_CACHE/$list.tsv.partial"
  done
  for list in $PYROFORK_LISTS; do
    mv "$PYROFORK_CACHE/$list.tsv.partial" "$PYROFORK_CACHE/$list.tsv"
  done
  touch "$PYROFORK_CACHE/.complete"
}

mkdir -p "$CACHE" "$PYROFORK_CACHE"
all_there || fetch
[ -f "$PYROFORK_CACHE/.complete" ] || fetch_pyrofork
echo "$CACHE"
echo "$PYROFORK_CACHE"
