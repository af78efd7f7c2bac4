#!/usr/bin/env bash
# The README's first path, measured as a user meets it: a client crate whose build.rs is the README's
# (`tl_codegen::Config`, tl-codegen without default features) generating Telegram's layer-230 api.tl +
# mtproto.tl, against a client crate that depends on grammers-tl-types 0.11.0 (`tl-mtproto`), the peer's
# ready-made types. Clean builds side by side, RUNS per crate and profile, alternating; prints the medians,
# the ratio to grammers and, per crate, the slowest units of `cargo build --timings` (its last run).
# Then the rebuild after editing only the user's `main.rs`, for the build.rs crate and for the layout the
# README shows (the generated types in their own crate of the user's workspace).
#
#   RUNS=3 bash scripts/build-rs-times.sh > benchmarks/build-rs-times.md   # about 25 minutes
#
# Crates:
#   ours-build-rs        the README's build.rs, the whole schema (functions without decoders, the default)
#   ours-build-rs-roots  the same with `.roots(...)`: the 30 functions of scripts/client-roots.sh
#   grammers             grammers-tl-types 0.11.0, features = ["tl-mtproto"]
#   ours-workspace       app/ + tl-types/ (the build.rs crate), for the rebuild figure
# Our crates come by path, which cargo would compile incrementally; a `[profile.dev.package]` line turns
# that off for them, as for a crate from the registry. The user's own crate keeps cargo's defaults.
# Needs ../shared/schema (Telegram's schemas) and the network for cargo (or its cache).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
api="$root/../shared/schema/api-layer230.tl"
mtproto="$root/../shared/schema/mtproto.tl"
for schema in "$api" "$mtproto"; do
  [ -f "$schema" ] || { echo "missing $schema (Telegram's schema, kept beside the checkout in ../shared)" >&2; exit 1; }
done
source "$root/scripts/client-roots.sh"
roots=$(sed 's/[^,][^,]*/"&"/g' <<<"$CLIENT_ROOTS")

registry_like='[profile.dev.package.tl-codegen]
incremental = false
[profile.dev.package.tl-parser]
incremental = false
[profile.dev.package.tl-runtime]
incremental = false'

main_rs() { # the module holding the types -> a main that encodes a request
  cat <<EOF
$1
fn main() {
    let request = tl::functions::help::GetConfig {};
    let bytes = tl_runtime::Serialize::to_bytes(&request);
    println!("{} bytes, {:?}", bytes.len(), tl::LAYER);
}
EOF
}

build_rs() { # roots line or nothing
  cat <<EOF
fn main() -> Result<(), Box<dyn std::error::Error>> {
    tl_codegen::Config::new()
        .schema("$api")
        .schema("$mtproto")
        $1
        .compile()?;
    Ok(())
}
EOF
}

manifest() { # package name, dependency lines, build-dependency lines -> a Cargo.toml's package
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\n%s\n[build-dependencies]\n%s\n' "$1" "$2" "$3"
}
runtime="tl-runtime = { path = \"$root/tl-runtime\" }"
codegen="tl-codegen = { path = \"$root/tl-codegen\", default-features = false }"

build_rs_crate() { # name, roots line
  mkdir -p "$work/$1/src"
  { manifest "$1" "$runtime" "$codegen"; printf '%s\n[workspace]\n' "$registry_like"; } >"$work/$1/Cargo.toml"
  build_rs "$2" >"$work/$1/build.rs"
  main_rs 'mod tl {
    tl_runtime::include_tl!("api_layer230");
}' >"$work/$1/src/main.rs"
}

grammers_crate() {
  mkdir -p "$work/grammers/src"
  { manifest grammers 'grammers-tl-types = { version = "=0.11.0", features = ["tl-mtproto"] }' ""; echo '[workspace]'; } \
    >"$work/grammers/Cargo.toml"
  cat >"$work/grammers/src/main.rs" <<'EOF'
use grammers_tl_types as tl;
fn main() {
    let request = tl::functions::help::GetConfig {};
    let bytes = tl::Serializable::to_bytes(&request);
    println!("{} bytes, {:?}", bytes.len(), tl::LAYER);
}
EOF
}

workspace_crate() { # the layout of the README: app/ and tl-types/ (the build.rs crate) in one workspace
  local ws="$work/ours-workspace"
  mkdir -p "$ws/app/src" "$ws/tl-types/src"
  printf '[workspace]\nmembers = ["app", "tl-types"]\nresolver = "3"\n%s\n' "$registry_like" >"$ws/Cargo.toml"
  manifest tl-types "$runtime" "$codegen" >"$ws/tl-types/Cargo.toml"
  build_rs "" >"$ws/tl-types/build.rs"
  echo 'tl_runtime::include_tl!("api_layer230");' >"$ws/tl-types/src/lib.rs"
  manifest app "$runtime
tl-types = { path = \"../tl-types\" }" "" >"$ws/app/Cargo.toml"
  main_rs 'use tl_types as tl;' >"$ws/app/src/main.rs"
}

build_rs_crate ours-build-rs ""
build_rs_crate ours-build-rs-roots ".roots([$roots])"
grammers_crate
workspace_crate
crates=(ours-build-rs grammers ours-build-rs-roots)
for crate in "${crates[@]}" ours-workspace; do
  (cd "$work/$crate" && cargo fetch -q)
done

clean_build() { # crate, profile flag -> seconds; leaves the --timings report
  (cd "$work/$1" && cargo clean -q && start=$(date +%s.%N) &&
    cargo build -q --timings $2 >/dev/null 2>"$work/stderr" &&
    end=$(date +%s.%N) && echo "$end - $start" | bc) || { cat "$work/stderr" >&2; exit 1; }
}

sorted() { tr ' ' '\n' <<<"$1" | grep . | sort -n | xargs printf "${2:-%.1f} " | sed 's/ $//'; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(rustc --version)"
echo "tl-codegen at $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with changes)'); $runs clean builds per crate and profile"
echo
echo "| crate | profile | median (s) | runs (s) | against grammers-tl-types |"
echo "|---|---|---|---|---|"
declare -A slowest=()
for profile in debug release; do
  flag=""; [ "$profile" = release ] && flag="--release"
  declare -A times=()
  for _ in $(seq "$runs"); do
    for crate in "${crates[@]}"; do
      times[$crate]="${times[$crate]:-} $(clean_build "$crate" "$flag")"
      slowest[$crate/$profile]=$(python3 "$root/scripts/cargo_timings.py" "$work/$crate/target/cargo-timings/cargo-timing.html" 10)
    done
  done
  peer=$(median "${times[grammers]}")
  for crate in "${crates[@]}"; do
    m=$(median "${times[$crate]}")
    ratio=$(python3 -c "m, p = $m, $peer; print('' if m == p else f'{p / m:.2f}x faster' if m < p else f'{m / p:.2f}x slower')")
    printf "| %s | %s | %.1f | %s | %s |\n" "$crate" "$profile" "$m" "$(sorted "${times[$crate]}")" "$ratio"
  done
  unset times
done
echo
echo "The slowest units of each crate's last clean build (\`cargo build --timings\`, seconds):"
echo
for key in $(printf '%s\n' "${!slowest[@]}" | sort); do
  echo "- $key: ${slowest[$key]}"
done

rebuild() { # folder, file to edit -> seconds of `cargo build` after appending a comment to the file
  (cd "$1" && echo "// edit $RANDOM" >>"$2" && start=$(date +%s.%N) && cargo build -q >/dev/null 2>&1 &&
    end=$(date +%s.%N) && echo "$end - $start" | bc)
}

echo
echo "Rebuild after editing only the user's \`main.rs\` (debug, cargo's defaults: incremental on), $runs edits each:"
echo
echo "| layout | median (s) | runs (s) |"
echo "|---|---|---|"
for layout in "ours-build-rs src/main.rs" "ours-workspace app/src/main.rs" "grammers src/main.rs"; do
  read -r crate file <<<"$layout"
  (cd "$work/$crate" && cargo build -q >/dev/null 2>&1)
  all=""
  for _ in $(seq "$runs"); do all="$all $(rebuild "$work/$crate" "$file")"; done
  printf '| %s | %.2f | %s |\n' "$crate" "$(median "$all")" "$(sorted "$all" %.2f)"
done
