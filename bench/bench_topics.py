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


def _median_time(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--train-runs", type=int, default=3)
    args = ap.parse_args()

    from kzlegalnlp.classify import DEFAULT_MODEL_DIR, TopicClassifier
    from kzlegalnlp.classify.train_default import fit_rows, training_rows
    from kzlegalnlp.corpus import load_corpus

    docs = list(load_corpus())
    texts = [p.text for d in docs for p in d.paragraphs]
    chars = sum(map(len, texts))
    print(f"input: bundled corpus, {len(docs)} documents, {len(texts)} paragraphs, {chars:,} characters")

    t_load, _ = _median_time(lambda: TopicClassifier.load(DEFAULT_MODEL_DIR), args.runs)
    print(f"model load (manifest check included): {t_load * 1000:.1f} ms (median of {args.runs})")

    def cold() -> None:
        TopicClassifier.load(DEFAULT_MODEL_DIR).predict_proba(texts)

    t_cold, _ = _median_time(cold, args.runs)
    t_cold -= t_load
    model = TopicClassifier.load(DEFAULT_MODEL_DIR)
    model.predict_proba(texts)
    t_warm, _ = _median_time(lambda: model.predict_proba(texts), args.runs)
    print(f"prediction, cold cache: {len(texts) / t_cold:,.0f} paragraphs/s ({t_cold:.3f} s, median of {args.runs})")
    print(f"prediction, warm cache: {len(texts) / t_warm:,.0f} paragraphs/s ({t_warm:.3f} s, median of {args.runs})")
    t_docs, _ = _median_time(lambda: model.classify_many(docs), args.runs)
    print(f"documents (paragraph scores in document context + document scores with evidence): "
          f"{len(texts) / t_docs:,.0f} paragraphs/s, all {len(docs)} documents in {t_docs:.3f} s "
          f"(median of {args.runs}, warm)")

    def cold_docs() -> None:
        TopicClassifier.load(DEFAULT_MODEL_DIR).classify_many(docs)

    t_cold_docs, _ = _median_time(cold_docs, args.runs)
    t_cold_docs -= t_load
    print(f"documents, cold cache: {len(texts) / t_cold_docs:,.0f} paragraphs/s ({t_cold_docs:.3f} s)")

    rows = training_rows(docs)
    t_train, clf = _median_time(lambda: fit_rows(rows), args.train_runs)
    print(f"training (shipped configuration, inner 3-fold CV for thresholds): {t_train:.2f} s on "
          f"{len(rows.texts)} rows, {clf.train_info_['n_features']:,} features (median of {args.train_runs})")


if __name__ == "__main__":
    main()
