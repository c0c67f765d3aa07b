"""Build the shipped model: gold paragraphs plus weak supervision, written to ``data/topic_model``.

Training rows:

* every loader paragraph covered by the gold ``topics.jsonl`` (weight 1), grouped
  by document, with the document titles as context;
* the lexicon's hand-written example sentences (weight ``LEXICON_WEIGHT``);
* the paragraphs of loader documents the gold does not cover (programme,
  participant lists, resolution...), weakly labelled from lexicon hits and article
  references mapped to topics (weight ``WEAK_WEIGHT``).

Run ``python -m kzlegalnlp.topics.train_default`` to rebuild the shipped model.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from ..records import Document
from .data_io import Rows, gold_path, gold_rows
from .labels import DEFAULT_LABELS
from .model import TopicClassifier
from .weak import lexicon_examples, weak_labels

LEXICON_WEIGHT = 0.5
WEAK_WEIGHT = 0.3
# word prefixes instead of char n-grams: about twice the prediction speed on a cold cache;
# C chosen from select.C_GRID by grouped CV on the training data (nested inside `kzlegal evaluate topics`)
DEFAULT_PARAMS: dict[str, object] = {"analyzer": "prefix", "ngram_range": (4, 7), "C": "auto"}


def add_weak(rows: Rows, documents: Sequence[Document], labels: Sequence[str] = DEFAULT_LABELS) -> Rows:
    """Add lexicon examples and weakly labelled paragraphs the gold does not cover.

    >>> r = add_weak(Rows(), [])
    >>> len(r.texts) > 50 and set(r.weights) == {LEXICON_WEIGHT}
    True
    """
    texts, ys = lexicon_examples(labels)
    for i, (t, y) in enumerate(zip(texts, ys)):
        rows.add(t, y, f"lexicon:{i}", LEXICON_WEIGHT)
    covered = set(rows.groups)
    for doc in documents:
        if doc.doc_id in covered:
            continue
        rows.titles[doc.doc_id] = None if doc.title_derived else doc.title
        for p in doc.paragraphs:
            rows.add(p.text, weak_labels(p.text, labels), doc.doc_id, WEAK_WEIGHT)
    return rows


def training_rows(documents: Sequence[Document], gold: str | Path | None = None, *, weak: bool = True) -> Rows:
    """Gold rows (when a gold file exists) plus, if ``weak``, the weak rows."""
    path = Path(gold) if gold else gold_path()
    rows = gold_rows(documents, path) if path.is_file() else Rows()
    return add_weak(rows, documents) if weak else rows


def fit_rows(rows: Rows, **params: object) -> TopicClassifier:
    """Fit a :class:`TopicClassifier` on ``rows`` (default labels unless ``labels`` is given)."""
    params = {"labels": DEFAULT_LABELS, **DEFAULT_PARAMS, **params}
    clf = TopicClassifier(**params)  # type: ignore[arg-type]
    return clf.fit(rows.texts, rows.labels, groups=rows.groups, titles=rows.titles, sample_weight=rows.weights,
                   doc_labels=rows.doc_labels)


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild the shipped model: ``python -m kzlegalnlp.topics.train_default [--out DIR] [--gold FILE]``."""
    import argparse

    from . import DEFAULT_MODEL_DIR
    from ..corpus import load_corpus

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(DEFAULT_MODEL_DIR))
    ap.add_argument("--gold", default=None, help="gold topics.jsonl (default: the bundled one)")
    args = ap.parse_args(argv)
    documents = list(load_corpus())
    rows = training_rows(documents, args.gold)
    clf = fit_rows(rows)
    clf.save(args.out)
    print(f"trained on {len(rows.texts)} rows ({len(rows.doc_labels)} gold documents) in "
          f"{clf.train_info_['seconds']} s, C={clf.C_:g} chosen by grouped CV "
          f"(criterion per candidate: {clf.train_info_['C_scores']}) -> {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
