#!/usr/bin/env python3
"""The plots of BENCHMARKS.md, as SVG, from the benchmark output kept in `benchmarks/`.

    python3 scripts/plot-benchmarks.py      # writes docs/plots/*.svg; Python 3 only, no packages

Inputs (each the unedited output of the command named in BENCHMARKS.md):
  benchmarks/build-times.md          bash scripts/build-times.sh
  benchmarks/tdjson-build-times.md   bash scripts/tdjson-build-times.sh
  benchmarks/runtime.txt             scripts/bench-spread.py ... cargo bench -p tl-full-schema --bench runtime
  benchmarks/tdjson-decode.txt       cargo bench -p tl-tdjson-bench --bench decode
  benchmarks/tl-proto.txt            scripts/bench-spread.py ... cargo bench -p tl-proto-bench --bench lite

A file of several runs (`## run N` sections, as scripts/bench-spread.py writes them) gives each ratio as
the median of the runs' ratios.
"""
from html import escape
from pathlib import Path

from divan_output import divan_medians, divan_runs, ratio

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks"
OUT = ROOT / "docs" / "plots"
COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759"]


def build_table(path):
    """(crate, profile) -> median seconds, from a table printed by scripts/build-table.sh."""
    rows = {}
    for line in path.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[1] in ("debug", "release"):
            rows[(cells[0], cells[1])] = float(cells[2])
    return rows


def bar_chart(title, unit, groups, series, note="", reference=None):
    """Horizontal grouped bars: groups = [(label, [value per series or None])], a dashed line at
    `reference` if given."""
    bar, gap, left, width = 14, 10, 300, 440
    top = 50 + 18 * len(series)
    height = top + sum(gap + bar * len(series) for _ in groups) + 40
    largest = max(v for _, values in groups for v in values if v is not None)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="100%" height="100%" fill="white"/>',
        f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for i, name in enumerate(series):
        y = 40 + 18 * i
        parts.append(f'<rect x="10" y="{y}" width="12" height="12" fill="{COLOURS[i]}"/>')
        parts.append(f'<text x="28" y="{y + 10}">{escape(name)}</text>')
    y = top
    for label, values in groups:
        y += gap
        parts.append(f'<text x="{left - 8}" y="{y + bar * len(series) / 2 + 4}" text-anchor="end">{escape(label)}</text>')
        for i, value in enumerate(values):
            if value is not None:
                length = width * value / largest
                parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar - 2}" fill="{COLOURS[i]}"/>')
                parts.append(f'<text x="{left + length + 4:.1f}" y="{y + bar - 4}">{value:.3g}{unit}</text>')
            y += bar
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{y + 4}" stroke="black"/>')
    if reference is not None:  # the peer's level on a chart of ratios
        x = left + width * reference / largest
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{y + 4}" stroke="#555" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 14}" fill="#555">the peer</text>')
    parts.append(f'<text x="10" y="{y + 28}" fill="#555">{escape(note)}</text>')
    return "\n".join(parts + ["</svg>", ""])


def build_plot():
    rows = build_table(DATA / "build-times.md") | build_table(DATA / "tdjson-build-times.md")
    crates = list(dict.fromkeys(crate for crate, _ in rows))
    groups = [(crate, [rows.get((crate, "debug")), rows.get((crate, "release"))]) for crate in crates]
    note = "Clean builds, dependencies included (scripts/build-times.sh, scripts/tdjson-build-times.sh)."
    return bar_chart("Clean build time of the generated crate (s, lower is better)", " s", groups,
                     ["debug", "release"], note)


RUNTIME = [
    ("a_request_url_auth", "(a) 36 B request"),
    ("b_url_auth_result", "(b) 528 B answer"),
    ("c_users_1000", "(c) 1000 users, 508 KB"),
    ("d_rich_text", "(d) RichText, 4.8 KB"),
]
OPERATIONS = [
    ("serialize_new", "serialize_new", "encode, new buffer"),
    ("serialize_reused", "serialize_reused", "encode, reused buffer"),
    ("deserialize", "deserialize", "decode"),
    ("deserialize_borrowed", "deserialize", "decode, borrowed"),
]


TL_PROTO = [
    ("block_transactions", "/(16, 0)", "TON blockTransactions, 16 ids"),
    ("block_transactions", "/(1024, 16384)", "TON blockTransactions, 1024 ids"),
    ("partial_block_proof", "", "TON partialBlockProof, 64 links"),
    ("account_state", "", "TON accountState, 64 KiB state"),
]


def tl_proto_ratios(runs):
    """TON's lite-server answers against tl-proto: encode new, reused, decode owned and borrowed."""
    groups = []
    for shape, args, label in TL_PROTO:
        def of(operation):
            base = f"benches/{shape}_{operation}"
            return ratio(runs, f"{base}_ours{args}", f"{base}_tl_proto{args}")
        groups.append((label, [of("encode_new"), of("encode_reused"), of("decode_owned"), of("decode")]))
    return groups


def speed_plot():
    runtime = divan_runs((DATA / "runtime.txt").read_text())
    groups = []
    for module, label in RUNTIME:
        ratios = [ratio(runtime, f"{module}/ours_{ours}", f"{module}/grammers_{theirs}")
                  for ours, theirs, _ in OPERATIONS]
        groups.append((label, ratios))
    groups += tl_proto_ratios(divan_runs((DATA / "tl-proto.txt").read_text()))
    tdjson = divan_medians((DATA / "tdjson-decode.txt").read_text())
    for size in ("one message (1.3 KB)", "messages, 1000 (1.3 MB)"):
        ours, theirs = tdjson.get(f"{size}: ours"), tdjson.get(f"{size}: tdlib-rs 1.4.0")
        if ours and theirs:
            groups.append((f"TDLib JSON: {size}", [None, None, theirs / ours, None]))
    note = ("The peer's median time over ours (the median of 5 runs' ratios for (a)-(d) and TON): grammers-tl-types 0.11.0 for (a)-(d), "
            "tl-proto 0.5.4 for TON, tdlib-rs 1.4.0 for JSON.")
    return bar_chart("Times faster than the peer (higher is better)", "x", groups,
                     [name for _, _, name in OPERATIONS], note, reference=1.0)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "build-times.svg").write_text(build_plot())
    (OUT / "speed.svg").write_text(speed_plot())
    print(f"wrote {OUT / 'build-times.svg'} and {OUT / 'speed.svg'}")


if __name__ == "__main__":
    main()
