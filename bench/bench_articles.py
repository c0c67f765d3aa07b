"""Speed of ``extract_articles``: MB/s over the corpus, and linearity on adversarial input.

Run: ``python bench/bench_articles.py [--runs 7]``. Prints the median of several
runs. The adversarial part times 1 MB and 10 MB of the same pathological text
(repeated "ст. ст. 1, 2, 3," lists, long digit runs, dots and hyphens, Kazakh
"бап" runs, references followed by thousands of blanks); time per MB must stay flat (ratio near 10 for 10x the input).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from typing import Callable

from kzlegalnlp._resources import raw_dir
from kzlegalnlp.extract.articles import extract_articles

ADVERSARIAL = {
    "ст. ст. lists": "ст. ст. 1, 2, 3, ",
    "digit runs": "1234567890" * 7 + " ",
    "dots and hyphens": "1.2.3-4-5.6-7.8 ...--- ",
    "kazakh lists": "ҚР ҚК 1, 2, 3 және 4-бабы ",
    "mixed": "ч. 1 ст. 2-3.4 п. «в» 5-бабының 6-бөлігі 7) тармағы, ",
    "blank runs": "ст. 1" + " " * 5000 + "ҚР ҚК 2" + " \n" * 2500 + "3-бап" + " " * 5000,
    "laws": "«О» заң Закон РК «О ст. 1» статьей 1 указанного Закона, ",
    "open quotes": "«" + "заң Закона ст. 1 ч. 2 " * 200,
    "part runs": "ст. 1 " + "ч. 1 п. 2 пп. 3) " * 300 + "ст. 2, ",
}


def median_seconds(fn: Callable[[], list], runs: int) -> tuple[float, list]:
    """Median wall time of ``runs`` calls (after one warm-up call), and the warm-up's result."""
    result = fn()
    times = []
    for _ in range(runs):
        gc.collect()  # each run starts from a clean heap: earlier garbage is not billed to it
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        del out
    return statistics.median(times), result


def bench_corpus(runs: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw_dir().glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    secs, found = median_seconds(lambda: [extract_articles(t) for t in texts], runs)
    n = sum(len(refs) for refs in found)
    print(f"corpus: {len(texts)} files, {size / 1e6:.3f} MB, {n} references, "
          f"median {secs * 1000:.1f} ms of {runs} runs -> {size / 1e6 / secs:.1f} MB/s")


def bench_adversarial(runs: int) -> None:
    for name, unit in ADVERSARIAL.items():
        per = []
        for mb in (1, 10):
            text = unit * (mb * 1_000_000 // len(unit.encode("utf-8")))
            secs, found = median_seconds(lambda: extract_articles(text), max(1, runs // mb))
            refs = len(found)
            del found
            per.append(secs)
            print(f"adversarial {name!r}: {mb:>2} MB in {secs:.3f} s ({mb / secs:.2f} MB/s, "
                  f"{refs} records, {refs / secs:,.0f} records/s)")
        print(f"adversarial {name!r}: 10 MB / 1 MB time ratio = {per[1] / per[0]:.1f} (linear = 10)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-adversarial", action="store_true")
    parser.add_argument("--no-gc", action="store_true",
                        help="pause Python's cyclic garbage collector while timing, to separate the "
                             "algorithm from the cost of scanning a heap of a million records")
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()
    bench_corpus(args.runs)
    if not args.skip_adversarial:
        bench_adversarial(args.runs)


if __name__ == "__main__":
    main()
