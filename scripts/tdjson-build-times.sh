#!/usr/bin/env bash
# Clean build times and peak memory of td_api types for TDLib's JSON: ours (tl-codegen --tdjson, written
# by the command beforehand, with tl-runtime's `tdjson` feature) against tdlib-rs 1.4.0 with its `docs`
# feature (its build script generates the types from the td_api.tl it ships, TDLib 1.8.61, and links
# nothing). Both from that same td_api.tl. Each crate in its own scratch package and target folder,
# incremental compilation off (as for a dependency), RUNS clean builds (dependencies included) per crate
# and profile, alternating crates; prints the median of each and the largest resident set of any process of
# the builds (GNU time's %M: rustc on the types).
#
#   bash scripts/tdjson-build-times.sh     # RUNS=3 by default; needs network for cargo the first time
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build -q --release -p tl-codegen --manifest-path "$root/Cargo.toml"
codegen="$root/target/release/tl-codegen"

source "$root/scripts/build-table.sh"

package peer-tdlib-rs 'tdlib-rs = { version = "=1.4.0", default-features = false, features = ["docs"] }'
echo 'pub use tdlib_rs;' >"$work/peer-tdlib-rs/src/lib.rs"
(cd "$work/peer-tdlib-rs" && cargo fetch -q)
manifest=$(cd "$work/peer-tdlib-rs" && cargo metadata --format-version 1 |
  python3 -c 'import json,sys; print([p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"]=="tdlib-rs" and p["version"]=="1.4.0"][0])')
schema="$(dirname "$manifest")/tl/api.tl"

package ours-tdjson "tl-runtime = { path = \"$root/tl-runtime\", features = [\"tdjson\"] }"
"$codegen" --schema "$schema" --tdjson --out "$work/ours-tdjson/src" >/dev/null 2>&1
(cd "$work/ours-tdjson" && cargo fetch -q)
crates=(ours-tdjson peer-tdlib-rs)

print_build_table
echo
printf 'ours-tdjson: %s lines, %s bytes of Rust\n' "$(cat "$work/ours-tdjson"/src/*.rs | wc -l)" "$(cat "$work/ours-tdjson"/src/*.rs | wc -c)"
g=$(ls -d "$work"/peer-tdlib-rs/target/release/build/tdlib-rs-*/out | head -1)
printf 'tdlib-rs generated: %s lines, %s bytes of Rust\n' "$(cat "$g"/*.rs | wc -l)" "$(cat "$g"/*.rs | wc -c)"
echo "schema: $schema"
