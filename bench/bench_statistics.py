"""Throughput of the statistics extractor, and its growth on adversarial input.

Run: ``python bench/bench_statistics.py``. Prints the median of several runs over
the whole bundled corpus (raw files as plain strings, and the loader's
documents), then the time on adversarial inputs at 1x, 2x and 4x size: linear
time shows as a ratio near 2 between consecutive sizes.
"""

from __future__ import annotations

import statistics
import time

from kzlegalnlp._resources import raw_dir
from kzlegalnlp.extract.statistics import extract_statistics

RUNS = 5


def _median_seconds(fn, runs: int = RUNS, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times)


def _report(label: str, size: int, fn) -> None:
    """Wall-clock and CPU-time medians: on a busy machine the CPU time is the fairer one."""
    wall = _median_seconds(fn)
    cpu = _median_seconds(fn, clock=time.process_time)
    print(f"  {label}: median of {RUNS} wall {wall * 1000:.1f} ms -> {size / wall / 1e6:.2f} MB/s; "
          f"CPU {cpu * 1000:.1f} ms -> {size / cpu / 1e6:.2f} MB/s (one core)")


def bench_corpus() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw_dir().glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    chars = sum(len(t) for t in texts)
    extract_statistics(texts[0][:2000])  # compile the patterns outside the timing
    found = sum(len(extract_statistics(t)) for t in texts)
    print(f"raw corpus: {len(texts)} files, {size / 1e6:.3f} MB UTF-8 ({chars} chars), "
          f"{found} figures")
    _report("strings", size, lambda: [extract_statistics(t) for t in texts])
    try:
        from kzlegalnlp.corpus import load_corpus
    except ImportError:  # pragma: no cover - loader missing
        return
    corpus = load_corpus()
    docs = list(corpus)
    body = sum(len(d.body.encode("utf-8")) for d in docs)
    print(f"documents: {len(docs)} documents, body {body / 1e6:.3f} MB UTF-8")
    _report("documents", body, lambda: [extract_statistics(d) for d in docs])


ADVERSARIAL = {
    "digit runs with spaces": lambda n: "1 " * n,
    "grouped digits": lambda n: "123 456 " * n,
    "мың мың мың": lambda n: "5 " + "мың " * n,
    "dash chains 5-5-5": lambda n: "5-" * n,
    "ranges от 1 до": lambda n: "от 1 до " * n,
    "percent + base": lambda n: "5%-ды (" * n,
    "open brackets": lambda n: "[" * n,
    "one long number": lambda n: "9" * n,
    "article lists": lambda n: "ст. 1, " * n,
}


def bench_adversarial() -> None:
    print("adversarial input (CPU seconds at n, 2n, 4n; ratio ~2 = linear):")
    for name, make in ADVERSARIAL.items():
        secs = []
        for n in (4000, 8000, 16000):
            text = make(n)
            secs.append(_median_seconds(lambda: extract_statistics(text), runs=3,
                                        clock=time.process_time))
        ratios = " ".join(f"{b / max(a, 1e-9):.1f}" for a, b in zip(secs, secs[1:]))
        print(f"  {name:24s} " + " ".join(f"{s:.3f}" for s in secs) + f"   ratios {ratios}")


if __name__ == "__main__":
    bench_corpus()
    bench_adversarial()
