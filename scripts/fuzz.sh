#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ for SECONDS each (default 60), JOBS at a time (default 2).
#
#   cargo install cargo-fuzz --locked      # once
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# The targets build with the stable toolchain through RUSTC_BOOTSTRAP=1 (cargo-fuzz needs unstable
# flags), with debug assertions on and no sanitizer (the project forbids unsafe code; coverage
# instrumentation is what matters). New inputs go to fuzz/corpus/<target>/ (not committed); the seeds in
# fuzz/seeds/<target>/ are read too. A crash is saved in fuzz/artifacts/<target>/: copy it into
# fuzz/regressions/<target>/ once fixed, and `cargo test -p tl-full-schema --test fuzz_regressions`
# replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse codegen decode_url_auth decode_layer230)
export RUSTC_BOOTSTRAP=1
flags=(-O -a -s none)
cargo fuzz build "${flags[@]}"
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  echo "== $target: ${seconds}s"
  cargo fuzz run "${flags[@]}" "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+.*DONE|stat::|==|SUMMARY|thread .* panicked|Test unit written|artifact_prefix)' || true
done
