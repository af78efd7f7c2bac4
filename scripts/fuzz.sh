#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ for SECONDS each (default 60), or for RUNS executions each.
#
#   cargo install cargo-fuzz --locked      # once
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#   RUNS=10000000 bash scripts/fuzz.sh 0 decode_layer230
#
# The decode targets decode each input on a 256 KiB thread (an uncounted recursion overflows it) and
# check, with a counting allocator, that the peak heap stays within what the bytes read allow (a
# reservation for elements the input only claims fails it); libFuzzer's own limits are set too
# (-malloc_limit_mb needs a sanitizer's malloc hooks to act; -rss_limit_mb always does).
#
# The targets build with the stable toolchain through RUSTC_BOOTSTRAP=1 (cargo-fuzz needs unstable
# flags), with debug assertions on and no sanitizer (the project's only unsafe block is tl-runtime's
# ASCII-to-str conversion, which needs none; coverage instrumentation is what matters). New inputs go to fuzz/corpus/<target>/ (not committed); the seeds in
# fuzz/seeds/<target>/ are read too. A crash is saved in fuzz/artifacts/<target>/: copy it into
# fuzz/regressions/<target>/ once fixed, and `cargo test -p tl-full-schema --test fuzz_regressions`
# replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse codegen decode_url_auth decode_layer230 login_query)
export RUSTC_BOOTSTRAP=1
flags=(-O -a -s none)
cargo fuzz build "${flags[@]}"
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  echo "== $target: ${RUNS:-${seconds}s}${RUNS:+ runs}"
  limit=(-max_total_time="$seconds")
  [ -z "${RUNS:-}" ] || limit=(-runs="$RUNS")
  cargo fuzz run "${flags[@]}" "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    "${limit[@]}" -rss_limit_mb=1024 -malloc_limit_mb=256 -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+.*DONE|stat::|==|SUMMARY|thread .* panicked|Test unit written|artifact_prefix)' || true
done
