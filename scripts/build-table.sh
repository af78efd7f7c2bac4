# Sourced by scripts/build-times.sh and scripts/tdjson-build-times.sh: scratch packages and the table of
# clean build times. Needs `work` (a scratch folder), `runs` and `crates` (package names under $work).

package() { # name, dependency lines
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2024"\n[dependencies]\n%s\n[workspace]\n' "$1" "$2" >"$work/$1/Cargo.toml"
}

measure() { # crate, profile flag -> "seconds peak-KiB"
  (cd "$work/$1" && cargo clean -q && start=$(date +%s.%N) &&
    CARGO_INCREMENTAL=0 /usr/bin/time -f %M -o "$work/peak" cargo build -q $2 >/dev/null 2>&1 &&
    end=$(date +%s.%N) && echo "$(echo "$end - $start" | bc) $(cat "$work/peak")")
}

# RUNS clean builds of every crate, alternating, per profile: the median time and the largest peak.
print_build_table() {
  echo "| crate | profile | median of $runs clean builds (s) | runs (s) | peak memory, largest of the runs (MiB) |"
  echo "|---|---|---|---|---|"
  for profile in debug release; do
    flag=""; [ "$profile" = release ] && flag="--release"
    declare -A times=() peaks=()
    for _ in $(seq "$runs"); do
      for crate in "${crates[@]}"; do
        read -r seconds kib <<<"$(measure "$crate" "$flag")"
        times[$crate]="${times[$crate]:-} $seconds"
        peaks[$crate]=$(( kib > ${peaks[$crate]:-0} ? kib : ${peaks[$crate]:-0} ))
      done
    done
    for crate in "${crates[@]}"; do
      sorted=$(tr ' ' '\n' <<<"${times[$crate]}" | grep . | sort -n)
      median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
      printf '| %s | %s | %.1f | %s | %d |\n' "$crate" "$profile" "$median" "$(tr '\n' ' ' <<<"$sorted" | sed 's/ $//')" \
        $(( ${peaks[$crate]} / 1024 ))
    done
    unset times peaks
  done
}
