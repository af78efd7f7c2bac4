#!/usr/bin/env python3
"""The slowest units of a `cargo build --timings` report, as one Markdown-ready line.

    python3 scripts/cargo_timings.py target/cargo-timings/cargo-timing.html [N]

Reads the report's `UNIT_DATA` (the JSON array cargo embeds) and prints the N (default 8) longest units,
`name (what) seconds`, where `what` is `build script run`, `build script` (compiling it) or nothing for
a library or binary.
"""
import json
import sys


def units(html: str) -> list:
    start = html.index("const UNIT_DATA = ") + len("const UNIT_DATA = ")
    end = html.index("];", start) + 1
    return json.loads(html[start:end])


def label(unit: dict) -> str:
    target = unit["target"].strip()
    if unit.get("mode") == "run-custom-build":
        return f'{unit["name"]} (build script run)'
    if "build-script" in target or "custom-build" in target:
        return f'{unit["name"]} (build script)'
    return unit["name"]


def main() -> None:
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    with open(path, encoding="utf-8") as report:
        slowest = sorted(units(report.read()), key=lambda u: -u["duration"])[:count]
    print(", ".join(f'{label(u)} {u["duration"]:.1f}' for u in slowest))


if __name__ == "__main__":
    main()
