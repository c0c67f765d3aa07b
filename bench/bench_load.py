"""Time loading and splitting the bundled corpus, and ``import kzlegalnlp``.

Run ``python bench/bench_load.py [--runs N]``. Prints the median of N runs, the
input size and the throughput; targets: load+split < 0.3 s, import < 0.2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

IMPORT_SNIPPET = "import time; t = time.perf_counter(); import kzlegalnlp; print(time.perf_counter() - t)"


def time_load(runs: int) -> tuple[float, float, int, int, int]:
    """Median wall and CPU seconds of ``load_corpus()``, bytes read, documents, paragraphs.

    CPU time is printed too because a busy machine stretches wall time.

    >>> seconds, cpu, size, docs, paragraphs = time_load(1)
    >>> docs, size > 600_000
    (33, True)
    """
    from kzlegalnlp._resources import raw_dir
    from kzlegalnlp.corpus import load_corpus

    size = sum(p.stat().st_size for p in raw_dir().rglob("*") if p.is_file())
    corpus = load_corpus()  # warm the file cache and the regular expressions
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        corpus = load_corpus()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    paragraphs = sum(len(d.paragraphs) + len(d.references) for d in corpus)
    return statistics.median(times), statistics.median(cpu), size, len(corpus), paragraphs


def time_import(runs: int) -> float:
    """Median seconds of ``import kzlegalnlp`` in a fresh interpreter.

    >>> 0 < time_import(1) < 5
    True
    """
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", IMPORT_SNIPPET], capture_output=True,
                             text=True, check=True)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def main() -> None:
    """Parse ``--runs``, time both, print one line each with the target verdict."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    seconds, cpu, size, docs, paragraphs = time_load(args.runs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load_corpus(): median {seconds:.3f} s (CPU {cpu:.3f} s) over {args.runs} runs; {size / 1e6:.2f} MB, "
          f"{docs} documents, {paragraphs} paragraphs; {size / 1e6 / seconds:.2f} MB/s "
          f"(target < 0.3 s: {'OK' if seconds < 0.3 else 'MISSED'}); machine load average {load:.1f}")
    imp = time_import(args.runs)
    print(f"import kzlegalnlp: median {imp:.3f} s over {args.runs} runs "
          f"(target < 0.2 s: {'OK' if imp < 0.2 else 'MISSED'})")


if __name__ == "__main__":
    main()
