#!/usr/bin/env bash
# What the 30-root client of scripts/build-times.sh spends its build on. First `cargo build --timings` from
# clean: when the generated crate starts (its dependencies are built before it). Then the generated crate
# alone (dependencies already built, incremental compilation off), as generated and with kinds of impls
# deleted (scripts/strip-impls.py): each row's saving is what those impls cost rustc. A deleted kind must
# not be required by what stays, so `RemoteCall` goes with the codecs and `Eq` with `PartialEq`.
#
#   bash scripts/client-costs.sh          # RUNS=2 by default: the fastest of RUNS builds per row
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$root/scripts/client-roots.sh"
schemas=("$root/../shared/schema/api-layer230.tl" "$root/../shared/schema/mtproto.tl")
for schema in "${schemas[@]}"; do
  [ -f "$schema" ] || { echo "client-costs.sh: $schema not found (the script needs ../shared/schema beside the checkout)" >&2; exit 2; }
done

cargo build -q --release -p tl-codegen --manifest-path "$root/Cargo.toml"
mkdir -p "$work/client/src"
printf '[package]\nname = "client"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime" }\n[workspace]\n' \
  "$root" >"$work/client/Cargo.toml"
"$root/target/release/tl-codegen" --schema "${schemas[0]}" --schema "${schemas[1]}" --mtproto-ids --roots "$CLIENT_ROOTS" \
  --out "$work/client/src" 2>/dev/null
generated=$(ls "$work"/client/src/*.rs | grep -v lib.rs)
cp "$generated" "$work/generated.rs"
cd "$work/client"

crate_start() { # profile flag -> seconds from the build's start to the generated crate's start
  cargo clean -q && CARGO_INCREMENTAL=0 cargo build -q $1 --timings >/dev/null 2>&1
  python3 -c '
import json, re, sys
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", open(sys.argv[1]).read(), re.S).group(1))
print("%.2f" % next(u["start"] for u in units if u["name"] == "client"))' target/cargo-timings/cargo-timing.html
}

crate_alone() { # profile flag, impl regex, derives -> fastest seconds of the generated crate alone
  cp "$work/generated.rs" "$generated"
  python3 "$root/scripts/strip-impls.py" "$generated" "$2" "$3" 2>/dev/null
  local best=""
  for _ in $(seq "$runs"); do
    touch src/lib.rs
    local start end
    start=$(date +%s.%N)
    CARGO_INCREMENTAL=0 cargo build -q $1 >/dev/null 2>&1 || { echo "does not build"; return; }
    end=$(date +%s.%N)
    best=$(echo "$end - $start" | bc | awk -v b="$best" '{print (b == "" || $1 < b) ? $1 : b}')
  done
  printf '%.2f' "$best"
}

rows=( # label; impl regex (`(?!)` matches none); derives to drop
  "as generated;(?!);"
  "without Serialize, Deserialize (and RemoteCall);tl_runtime::(Serialize|Deserialize|RemoteCall) for;"
  "without From, TryFrom;convert::(From|TryFrom);"
  "without Debug;(?!);Debug"
  "without Clone;(?!);Clone"
  "without PartialEq (and Eq);cmp::Eq for;PartialEq"
  "without Default;default::Default for;Default"
  "without the codecs, Default and Eq: what grammers-tl-types has besides its codecs;tl_runtime::(Serialize|Deserialize|RemoteCall) for|cmp::Eq for|default::Default for;Default"
  "the types and their codecs only;convert::(From|TryFrom)|cmp::Eq for|default::Default for;Debug,Clone,PartialEq,Default"
)
for profile in debug release; do
  flag=""; [ "$profile" = release ] && flag="--release"
  cp "$work/generated.rs" "$generated"
  echo "$profile: in a clean build the generated crate starts at $(crate_start "$flag") s (its dependencies first)"
  echo
  echo "| $profile: the generated crate alone | fastest of $runs (s) |"
  echo "|---|---|"
  for row in "${rows[@]}"; do
    IFS=';' read -r label pattern derives <<<"$row"
    echo "| $label | $(crate_alone "$flag" "$pattern" "$derives") |"
  done
  echo
done
