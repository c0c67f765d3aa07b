"""Topic classifier speed: model load, prediction throughput (paragraphs/s, one core), training time.

Run: ``python bench/bench_topics.py [--runs 5]``. Prints medians over the runs.
Prediction is measured twice: "cold" on a freshly loaded model (its word cache
empty, as in a one-shot ``kzlegal tag``) and "warm" (cache filled).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # one core, as the target says

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402


CPU: list[float] = []  # CPU seconds of the last _median_time call, per run


def _median_time(fn, runs: int) -> tuple[float, object]:
    """Median wall time of ``runs`` calls; the CPU times land in ``CPU`` (robust on a busy machine)."""
    times, out = [], None
    CPU.clear()
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t0)
        CPU.append(time.process_time() - c0)
    return statistics.median(times), out


def _cpu() -> float:
    return statistics.median(CPU)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--train-runs", type=int, default=3)
    args = ap.parse_args()

    from kzlegalnlp.topics import DEFAULT_MODEL_DIR, TopicClassifier
    from kzlegalnlp.topics.train_default import fit_rows, training_rows
    from kzlegalnlp.corpus import load_corpus

    docs = list(load_corpus())
    texts = [p.text for d in docs for p in d.paragraphs]
    chars = sum(map(len, texts))
    print(f"input: bundled corpus, {len(docs)} documents, {len(texts)} paragraphs, {chars:,} characters")

    t_load, _ = _median_time(lambda: TopicClassifier.load(DEFAULT_MODEL_DIR), args.runs)
    print(f"model load (manifest check included): {t_load * 1000:.1f} ms (median of {args.runs})")

    def cold() -> None:
        TopicClassifier.load(DEFAULT_MODEL_DIR).predict_proba(texts)

    c_load = _cpu()
    t_cold, _ = _median_time(cold, args.runs)
    t_cold, c_cold = t_cold - t_load, _cpu() - c_load
    model = TopicClassifier.load(DEFAULT_MODEL_DIR)
    model.predict_proba(texts)
    t_warm, _ = _median_time(lambda: model.predict_proba(texts), args.runs)
    c_warm = _cpu()
    print(f"prediction, cold cache: {len(texts) / t_cold:,.0f} paragraphs/s wall, {len(texts) / c_cold:,.0f} "
          f"per CPU-second ({t_cold:.3f} s, median of {args.runs})")
    print(f"prediction, warm cache: {len(texts) / t_warm:,.0f} paragraphs/s wall, {len(texts) / c_warm:,.0f} "
          f"per CPU-second ({t_warm:.3f} s, median of {args.runs})")
    t_docs, _ = _median_time(lambda: model.classify_many(docs), args.runs)
    print(f"documents (paragraph scores in document context + document scores with evidence), warm: "
          f"{len(texts) / t_docs:,.0f} paragraphs/s wall, {len(texts) / _cpu():,.0f} per CPU-second, "
          f"all {len(docs)} documents in {t_docs:.3f} s (median of {args.runs})")

    def cold_docs() -> None:
        TopicClassifier.load(DEFAULT_MODEL_DIR).classify_many(docs)

    t_cold_docs, _ = _median_time(cold_docs, args.runs)
    t_cold_docs, c_cold_docs = t_cold_docs - t_load, _cpu() - c_load
    print(f"documents, cold cache: {len(texts) / t_cold_docs:,.0f} paragraphs/s wall, "
          f"{len(texts) / c_cold_docs:,.0f} per CPU-second ({t_cold_docs:.3f} s)")

    rows = training_rows(docs)
    t_train, clf = _median_time(lambda: fit_rows(rows), args.train_runs)
    print(f"training (shipped configuration: C chosen from {len(clf.C_scores_) or 1} values by inner grouped CV, "
          f"C={clf.C_:g}; thresholds by inner 3-fold CV): {t_train:.2f} s wall, {_cpu():.2f} CPU-s on "
          f"{len(rows.texts)} rows, {clf.train_info_['n_features']:,} features (median of {args.train_runs})")


if __name__ == "__main__":
    main()
