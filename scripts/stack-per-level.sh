#!/usr/bin/env bash
# The stack one nesting level of each recursive layer-230 type needs when decoded, and the smallest stack
# that holds the default depth limit (64): for each type, a binary search for the smallest thread stack
# on which `stack-probe` decodes the type nested past the limit without overflowing, at limits 64 and 128.
#
#   bash scripts/stack-per-level.sh            # the release build (what clients ship)
#   PROFILE=dev bash scripts/stack-per-level.sh
#   TYPES="JSONValue RichText" bash scripts/stack-per-level.sh
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-release}
cargo build -q --profile "$profile" -p tl-full-schema --bin stack-probe
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
probe="target/$dir/stack-probe"
if [ -z "${TYPES:-}" ]; then
  TYPES=$("$probe" --list)
fi

smallest_stack() { # type limit -> bytes
  local low=16384 high=268435456
  while [ $((high - low)) -gt 1024 ]; do
    local mid=$(((low + high) / 2))
    if "$probe" "$1" "$2" "$mid" >/dev/null 2>&1; then high=$mid; else low=$mid; fi
  done
  echo "$high"
}

printf '| type | stack for limit 64 | stack for limit 128 | per level |\n|---|---|---|---|\n'
for type in $TYPES; do
  s64=$(smallest_stack "$type" 64)
  s128=$(smallest_stack "$type" 128)
  printf '| %s | %d KiB | %d KiB | %d B |\n' "$type" $((s64 / 1024)) $((s128 / 1024)) $(((s128 - s64) / 64))
done
