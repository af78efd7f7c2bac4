#!/usr/bin/env python3
"""Deletes kinds of impls from a generated (prettyplease-formatted) Rust file, for scripts/client-costs.sh.

    strip-impls.py FILE IMPL_REGEX [DERIVES]

Removes every `impl` block whose header matches IMPL_REGEX (with the doc comment above it), and drops the
comma-separated DERIVES from every `#[derive(...)]`. FILE is rewritten in place; the count of removed
impls goes to standard error. Relies on the formatter's layout: a block's closing brace is alone on a line
at the indentation of its `impl`.
"""
import re
import sys


def strip(lines, impl_pattern, derives):
    out, removed, i = [], 0, 0
    while i < len(lines):
        line = lines[i]
        text = line.lstrip()
        indent = line[: len(line) - len(text)]
        if text.startswith("impl"):
            header_end = i
            while not lines[header_end].rstrip().endswith(("{", "{}")):
                header_end += 1
            header = " ".join(part.strip() for part in lines[i : header_end + 1])
            if impl_pattern.search(header):
                end = header_end
                if not lines[header_end].rstrip().endswith("{}"):
                    while lines[end] != indent + "}":
                        end += 1
                while out and out[-1].lstrip().startswith("///"):
                    out.pop()
                removed += 1
                i = end + 1
                continue
        derive = re.match(r"(\s*)#\[derive\((.*)\)\]$", line)
        if derive and derives:
            kept = [d.strip() for d in derive.group(2).split(",") if d.strip() not in derives]
            line = f"{derive.group(1)}#[derive({', '.join(kept)})]" if kept else None
        if line is not None:
            out.append(line)
        i += 1
    return out, removed


def main():
    path, pattern = sys.argv[1], re.compile(sys.argv[2])
    derives = set(filter(None, sys.argv[3].split(","))) if len(sys.argv) > 3 else set()
    with open(path) as file:
        lines = file.read().split("\n")
    out, removed = strip(lines, pattern, derives)
    with open(path, "w") as file:
        file.write("\n".join(out))
    print(f"removed {removed} impls", file=sys.stderr)


if __name__ == "__main__":
    main()
