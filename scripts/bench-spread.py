#!/usr/bin/env python3
"""Runs one divan bench several times and prints, for each of our figures, how many times faster than the
peer's it is in every run, with the spread (the guide asks for ratios in one run and their spread over
five).

    python3 scripts/bench-spread.py --runs 5 --peer tl_proto --out benchmarks/tl-proto.txt -- \
        cargo bench -p tl-proto-bench --bench lite
    python3 scripts/bench-spread.py --runs 5 --peer grammers --out benchmarks/runtime.txt -- \
        cargo bench -p tl-full-schema --bench runtime

A figure is ours when a part of its path is `ours` or starts or ends with `ours_` / `_ours`; its peer is
the same path with `ours` replaced by the peer's name (`block_transactions_decode_ours` against
`block_transactions_decode_tl_proto`, `c_users_1000/ours_deserialize` against
`c_users_1000/grammers_deserialize`); a borrowed figure (`ours_deserialize_borrowed`) is compared with
the peer's owned one when the peer has no borrowed form. Ratios are the peer's median over ours: above 1
means ours is faster. `--out` keeps every run's unedited output, one after another, and the table.
Python 3 only, no packages.
"""

import argparse
import re
import statistics
import subprocess
import sys

from divan_output import divan_medians

def peer_of(path, peer, figures):
    """The peer's figure for one of ours, or None."""
    parts = path.split("/")
    for index, part in enumerate(parts):
        if part == "ours" or part.startswith("ours_") or part.endswith("_ours"):
            swapped = re.sub(r"(^|_)ours($|_)", lambda m: f"{m.group(1)}{peer}{m.group(2)}", part, count=1)
            candidates = [swapped, swapped.removesuffix("_borrowed")]
            for candidate in candidates:
                key = "/".join(parts[:index] + [candidate] + parts[index + 1 :])
                if key in figures:
                    return key
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer", required=True, help="the peer's name in the bench paths: tl_proto, grammers")
    parser.add_argument("--out", help="a file for every run's output and the table")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the bench command after --")
    runs, log = [], []
    for run in range(args.runs):
        print(f"run {run + 1} of {args.runs}: {' '.join(command)}", file=sys.stderr)
        try:
            done = subprocess.run(command, capture_output=True, text=True)
        except OSError as error:
            sys.exit(f"bench-spread.py: cannot run `{command[0]}`: {error.strerror}")
        if done.returncode != 0:
            sys.stderr.write(done.stderr[-4000:])
            sys.exit(f"bench-spread.py: run {run + 1} failed: `{' '.join(command)}` exited with {done.returncode}")
        log.append(f"## run {run + 1}\n\n{done.stdout}")
        runs.append({path: seconds * 1e9 for path, seconds in divan_medians(done.stdout).items()})
    table = spread_table(runs, args.peer)
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(f"$ {' '.join(command)}   ({args.runs} runs)\n\n" + "\n".join(log) + "\n## ratios\n\n" + table)


def spread_table(runs, peer):
    """One row per figure of ours: the ratio in each run, then min / median / max."""
    rows = [f"| figure | ours (median of runs) | {peer} | runs: {peer} / ours | min | median | max |", "|---" * 7 + "|"]
    for path in sorted(runs[0]):
        other = peer_of(path, peer, runs[0])
        if other is None:
            continue
        ratios = [run[other] / run[path] for run in runs if path in run and other in run]
        ours = statistics.median(run[path] for run in runs if path in run)
        theirs = statistics.median(run[other] for run in runs if other in run)
        cells = " ".join(f"{r:.2f}" for r in ratios)
        rows.append(
            f"| {path} | {ours:,.1f} ns | {theirs:,.1f} ns | {cells} | {min(ratios):.2f}x "
            f"| {statistics.median(ratios):.2f}x | {max(ratios):.2f}x |"
        )
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    main()
