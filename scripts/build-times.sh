#!/usr/bin/env bash
# Clean build times and peak memory of generated crates against grammers-tl-types 0.11.0, built the same
# way: each crate in its own scratch package and target folder, incremental compilation off (as for a
# dependency), RUNS clean builds per crate and profile, alternating crates; prints the median of each, and
# the largest resident set of any process of the build (GNU time's %M: rustc on the generated crate).
# `ours-client` is a typical client: the roots are the 30 functions of scripts/client-roots.sh; `ours-full-borrowed`
# adds the borrowed types (`--borrowed-types`).
#
#   bash scripts/build-times.sh            # RUNS=3 by default; needs ../shared/schema or network for cargo
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
schemas=("$root/../shared/schema/api-layer230.tl" "$root/../shared/schema/mtproto.tl")

cargo build -q --release -p tl-codegen --manifest-path "$root/Cargo.toml"
codegen="$root/target/release/tl-codegen"

source "$root/scripts/build-table.sh"
runtime="tl-runtime = { path = \"$root/tl-runtime\" }"

package ours-full "$runtime"
"$codegen" --schema "${schemas[0]}" --schema "${schemas[1]}" --mtproto-ids --out "$work/ours-full/src" 2>/dev/null
package ours-full-with-function-decoding "$runtime"
"$codegen" --schema "${schemas[0]}" --schema "${schemas[1]}" --mtproto-ids --function-decoding --out "$work/ours-full-with-function-decoding/src" 2>/dev/null
package ours-full-serde "tl-runtime = { path = \"$root/tl-runtime\", features = [\"serde\"] }"
"$codegen" --schema "${schemas[0]}" --schema "${schemas[1]}" --mtproto-ids --serde --out "$work/ours-full-serde/src" 2>/dev/null
package ours-full-borrowed "$runtime"
"$codegen" --schema "${schemas[0]}" --schema "${schemas[1]}" --mtproto-ids --borrowed-types --out "$work/ours-full-borrowed/src" 2>/dev/null
package ours-url-auth "$runtime"
cp "$root"/generated/src/*.rs "$work/ours-url-auth/src/"
source "$root/scripts/client-roots.sh"
package ours-client "$runtime"
"$codegen" --schema "${schemas[0]}" --schema "${schemas[1]}" --mtproto-ids --roots "$CLIENT_ROOTS" --out "$work/ours-client/src" 2>/dev/null
package grammers 'grammers-tl-types = { version = "=0.11.0", features = ["tl-mtproto"] }'
echo 'pub use grammers_tl_types;' >"$work/grammers/src/lib.rs"
crates=(ours-full grammers ours-client ours-full-with-function-decoding ours-full-serde ours-full-borrowed ours-url-auth)
for crate in "${crates[@]}"; do
  (cd "$work/$crate" && cargo fetch -q)
done

print_build_table
echo
for crate in ours-full ours-client ours-full-serde ours-full-borrowed ours-url-auth; do
  printf '%s: %s lines, %s bytes of Rust\n' "$crate" "$(cat "$work/$crate"/src/*.rs | wc -l)" "$(cat "$work/$crate"/src/*.rs | wc -c)"
done
g=$(ls -d "$work"/grammers/target/release/build/grammers-tl-types-*/out | head -1)
printf 'grammers-tl-types generated: %s lines, %s bytes of Rust\n' "$(cat "$g"/*.rs | wc -l)" "$(cat "$g"/*.rs | wc -c)"
