"""Reading divan's table output: the median of each bench, for one run or for a file of several runs
(`## run N` sections, as scripts/bench-spread.py writes them). Used by scripts/bench-spread.py and
scripts/plot-benchmarks.py; Python 3 only, no packages."""
import re
import statistics

UNITS = {"ps": 1e-12, "ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def divan_runs(text):
    """One dict of divan medians per run in `text` (one for a plain divan output)."""
    runs = re.split(r"^## run \d+$", text, flags=re.MULTILINE)
    texts = runs[1:] if len(runs) > 1 else runs
    return [divan_medians(text.split("\n## ratios")[0]) for text in texts]


def ratio(runs, ours, theirs):
    """The median over `runs` of the peer's time over ours, or None if a run lacks either."""
    pairs = [(run.get(ours), run.get(theirs)) for run in runs]
    if not pairs or any(None in pair for pair in pairs):
        return None
    return statistics.median(peer / own for own, peer in pairs)


def divan_medians(text):
    """Bench path ('c_users/ours_deserialize') -> median seconds, from divan's tree output."""
    medians, stack = {}, []
    for line in text.splitlines():
        # name and fastest │ slowest │ median │ mean │ samples │ iters; the tree may hold `│` too.
        cells = line.split("│")
        if len(cells) < 6:
            continue
        first, median_cell = "│".join(cells[:-5]), cells[-4]
        head = re.match(r"^(?P<tree>[│├╰─ ]*)(?P<name>\S.*?)(\s{2,}(?P<value>[\d.]+ \S+))?\s*$", first)
        if not head or re.fullmatch(r"[\d.]+ \S+", head["name"]):
            continue  # a throughput line, or the column header
        depth = len(head["tree"]) // 3
        del stack[depth:]
        stack.append(head["name"])
        median = re.match(r"\s*([\d.]+) (\S+)", median_cell)
        if head["value"] and median:
            medians["/".join(stack[1:])] = float(median[1]) * UNITS[median[2]]
    return medians
