"""Benchmark `kzlegal tag`: the bundled corpus end to end, and the corpus replicated to >= 50 MB.

Every run is a fresh ``kzlegal tag`` process (process start included). Peak
memory is the largest sum of resident memory over the process and its workers,
sampled every 20 ms. Memory should stay flat as the input grows (files are
streamed: one file's rows in memory at a time), so the script also runs one
worker on a quarter and a half of the big input.

    python bench/bench_tag.py                 # everything (the 50 MB runs take minutes)
    python bench/bench_tag.py --size-mb 10    # a quicker look
    python bench/bench_tag.py --skip-big      # only the bundled corpus
    python bench/bench_tag.py --stages 5 --skip-big   # where one worker's CPU time goes

Targets (issue 6): bundled corpus < 3 s; >= 2 MB/s with one worker on 50 MB.
CPU seconds (the process and its workers) are printed too: on a shared, busy
machine wall time grows with the load, CPU time much less.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from kzlegalnlp._resources import raw_dir

KZLEGAL = [sys.executable, "-m", "kzlegalnlp.cli"]


def replicate(target: Path, size_mb: float) -> tuple[int, int]:
    """Copy the bundled corpus into ``target/copy_NNN/`` until it holds ``size_mb``; (files, bytes)."""
    files = sorted(p for p in raw_dir().iterdir() if p.is_file())
    total, n, k = 0, 0, 0
    while total < size_mb * 1e6:
        folder = target / f"copy_{k:03d}"
        folder.mkdir(parents=True)
        for f in files:
            shutil.copyfile(f, folder / f.name)
            total += f.stat().st_size
            n += 1
        k += 1
    return n, total


def _tree_rss(proc: psutil.Process) -> int:
    rss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            rss += p.memory_info().rss
        except psutil.Error:  # a worker that just ended
            pass
    return rss


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(args: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident bytes (process tree) and CPU seconds of one ``kzlegal`` run."""
    cpu0 = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(KZLEGAL + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watch, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, _tree_rss(watch))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"kzlegal {' '.join(args)} failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return seconds, peak, _children_cpu() - cpu0  # the workers are reaped by then: their CPU counts


def measure(label: str, args: list[str], n_bytes: int, repeat: int) -> tuple[float, int]:
    """Run ``repeat`` times; print the median time, throughput and peak memory; return the
    median seconds and the peak resident bytes."""
    runs = [run_once(args) for _ in range(repeat)]
    secs = statistics.median(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    cpu = statistics.median(r[2] for r in runs)
    print(f"{label:<34} {n_bytes / 1e6:8.2f} MB  median {secs:7.2f} s over {repeat} runs  "
          f"{n_bytes / 1e6 / secs:6.2f} MB/s  peak {peak / 2**20:7.1f} MiB  CPU {cpu:7.2f} s", flush=True)
    return secs, peak


def bench_bundled(work: Path, repeat: int) -> None:
    size = sum(p.stat().st_size for p in raw_dir().iterdir() if p.is_file())
    secs, _ = measure("bundled corpus, 1 worker", ["tag", "--out", str(work / "bundled"), "-q"], size, repeat)
    print(f"  target < 3 s end to end: {'OK' if secs < 3 else 'MISSED'}")


def bench_big(work: Path, size_mb: float, repeat: int, workers: list[int]) -> int | None:
    """The replicated corpus with each worker count; returns the one-worker peak memory."""
    big = work / "big"
    n_files, n_bytes = replicate(big, size_mb)
    print(f"replicated corpus: {n_files} files, {n_bytes / 1e6:.1f} MB", flush=True)
    rates, peaks = {}, {}
    for w in workers:
        out = work / f"out_{w}"
        secs, peaks[w] = measure(f"replicated, {w} worker(s)",
                                 ["tag", str(big), "--out", str(out), "-q", "--workers", str(w)], n_bytes, repeat)
        rates[w] = n_bytes / 1e6 / secs
        shutil.rmtree(out)
    if 1 in rates:
        print(f"  target >= 2 MB/s with 1 worker: {'OK' if rates[1] >= 2 else 'MISSED'} ({rates[1]:.2f} MB/s)")
    return peaks.get(1)


FLAT = 1.2  # four times the input may cost at most 20% more memory


def bench_growth(work: Path, size_mb: float, full_peak: int | None) -> None:
    """Peak memory of one worker on a quarter and a half of the big input: should be flat."""
    peaks = []
    for fraction in (0.25, 0.5):
        part = work / f"grow_{fraction}"
        n_files, n_bytes = replicate(part, size_mb * fraction)
        _, peak = measure(f"memory check, 1 worker, {fraction:.0%} input",
                          ["tag", str(part), "--out", str(work / "o"), "-q"], n_bytes, 1)
        peaks.append(peak)
        shutil.rmtree(part)
    if full_peak:
        flat = full_peak <= FLAT * peaks[0]
        print(f"  memory flat as the input grows 4x: {'OK' if flat else 'MISSED'} "
              f"({peaks[0] / 2**20:.1f} -> {full_peak / 2**20:.1f} MiB)")


STAGES = ("load+split", "topics", "articles", "statistics", "rows+JSON")


def stage_seconds(copies: int) -> dict[str, float]:
    """CPU seconds of each step of ``kzlegal tag`` over ``copies`` passes of the bundled corpus,
    in this process (no profiler, which inflates Python-heavy code): where one worker's time goes.

    >>> sorted(stage_seconds(1)) == sorted(STAGES)
    True
    """
    from kzlegalnlp.tag import pipeline
    from kzlegalnlp.tag.runner import default_factory, discover

    steps = default_factory(None)
    gc.freeze()  # as the runner does (see runner._build_steps)
    sources = discover([raw_dir()])
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time

    def timed(stage: str, call):  # type: ignore[no-untyped-def]
        started = clock()
        result = call()
        spent[stage] += clock() - started
        return result

    for n in range(copies + 1):  # pass 0 warms the caches and is not counted
        if n == 1:
            spent = dict.fromkeys(STAGES, 0.0)
        for src in sources:
            docs = timed("load+split", lambda: list(steps.load(src.path, src.root)))
            timed("topics", lambda: steps.prepare(docs) if steps.prepare else None)
            for doc in docs:
                scores = timed("topics", lambda: (steps.classify(doc), steps.classify_paragraphs(doc)))
                arts = timed("articles", lambda: steps.articles(doc))
                stats = timed("statistics", lambda: steps.statistics(doc))
                replay = pipeline.Steps(load=steps.load, classify=lambda d: scores[0],
                                        classify_paragraphs=lambda d: scores[1],
                                        articles=lambda d: arts, statistics=lambda d: stats)
                job = pipeline.Job(0, str(src.path), None, src.name, "")
                timed("rows+JSON", lambda: pipeline._doc_lines(doc, replay, job, pipeline.FileSummary()))
    return spent


def print_stages(copies: int) -> None:
    size = sum(p.stat().st_size for p in raw_dir().iterdir() if p.is_file()) / 1e6
    spent = stage_seconds(copies)
    total = sum(spent.values())
    print(f"CPU seconds per MB by step (bundled corpus x {copies}, in-process; 2 MB/s allows 0.50 s/MB in all):")
    for stage, secs in spent.items():
        print(f"  {stage:<12} {secs / copies / size:6.3f} s/MB  {100 * secs / total:5.1f} %")
    print(f"  {'total':<12} {total / copies / size:6.3f} s/MB  (writing the tables and start-up not included)",
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=50.0, help="size of the replicated corpus (default 50)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the bundled corpus (median)")
    ap.add_argument("--big-repeat", type=int, default=1, help="runs of each big configuration (median)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--skip-growth", action="store_true")
    ap.add_argument("--stages", type=int, default=0, metavar="N",
                    help="first print the CPU time of each step over N passes of the bundled corpus")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
          flush=True)
    if args.stages:
        print_stages(args.stages)
    with tempfile.TemporaryDirectory(prefix="bench_tag_") as tmp:
        work = Path(tmp)
        bench_bundled(work, args.repeat)
        if not args.skip_big:
            full_peak = bench_big(work, args.size_mb, args.big_repeat, args.workers)
            if not args.skip_growth:
                bench_growth(work, args.size_mb, full_peak)


if __name__ == "__main__":
    main()
