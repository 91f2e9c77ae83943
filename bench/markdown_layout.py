"""Markdown layout benchmark: time to lay out one long paragraph (and one long line without spaces) as a PDF,
at several sizes, with the time per KB — constant when layout is linear in the length of the text.

Run: python bench/markdown_layout.py [--sizes 100,300,1000] [--timeout 120]. Each size runs in its own
process (a size that exceeds the timeout is reported as such). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

CHILD = """
import sys, time
from inducci_desktop.printing.markdown_file import markdown_text_document
kind, size = sys.argv[1], int(sys.argv[2]) * 1000
if kind == "words":
    words = "Przedsiębiorczość kulturalna łączy regiony przemysłowe z twórcami, wzmacnia gospodarkę. "
    text = (words * (size // len(words) + 1))[:size]
else:
    text = ("abcdefghijklmnopqrstuvwxyzłśżřůěčšžőűäöüß" * (size // 40 + 1))[:size]
began = time.perf_counter()
pdf = markdown_text_document(text, "Bench")
print(f"{time.perf_counter() - began:.3f} {len(pdf)}")
"""


def run(kind: str, size_kb: int, timeout: float) -> str:
    began = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, kind, str(size_kb)], capture_output=True, text=True,
                              timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return f"{kind:5} {size_kb:6} KB: more than {timeout:.0f} s (stopped)"
    except subprocess.CalledProcessError as exc:
        return f"{kind:5} {size_kb:6} KB: failed: {exc.stderr.strip().splitlines()[-1:]}"
    seconds, size = done.stdout.split()
    per_kb = float(seconds) / size_kb * 1000
    return (f"{kind:5} {size_kb:6} KB: layout {float(seconds):7.2f} s, {per_kb:6.2f} ms/KB, PDF {int(size) // 1024} KB "
            f"(process {time.perf_counter() - began:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,300,1000,2000")
    parser.add_argument("--kinds", default="words,line")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    for kind in args.kinds.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            print(run(kind, size, args.timeout), flush=True)


if __name__ == "__main__":
    main()
