"""Honest evaluation: cross-validation grouped by document, next to a lexicon-only baseline.

Every fold trains on the gold paragraphs of some documents (plus the weak rows:
lexicon examples and weakly labelled paragraphs of documents outside the gold)
and predicts the paragraphs of the *other* documents: no paragraph of a test
document is ever in training. Out-of-fold predictions are pooled, then scored
per label (precision, recall, F1) at paragraph and document level, with macro-F1
over the four mission labels and over all labels. The lexicon baseline labels a
paragraph when it has at least one lexicon hit, and a document by the default
document rule (two paragraphs; score ``1 - exp(-hits)`` per paragraph, threshold 0.5).
Each fold's model scores its test documents with the document rule and thresholds
it chose on its own training documents (see :func:`base.choose_document_rule`).
The shipped configuration has ``C="auto"``: each fold's model also chooses its
regularisation by an inner cross-validation on its own training documents
(:mod:`kzlegalnlp.topics.select`), so the figures are those of nested
cross-validation; the C each fold chose is printed.

>>> m = prf(np.array([[1, 0], [1, 1]]), np.array([[1, 0], [0, 1]]), ["a", "b"])
>>> m["a"]["precision"], m["a"]["recall"], m["b"]["f1"]
(0.5, 1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from ..records import Document
from .aggregate import DEFAULT_RULE, aggregate_groups
from .base import label_matrix
from .data_io import Rows, gold_rows
from .labels import DEFAULT_LABELS, MISSION_LABELS
from .lexicon import lexicon_for


def prf(pred: np.ndarray, gold: np.ndarray, labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per-label precision, recall, F1 and support from 0/1 matrices (0 where undefined)."""
    out = {}
    for j, lab in enumerate(labels):
        tp = int(((pred[:, j] == 1) & (gold[:, j] == 1)).sum())
        npred, ngold = int(pred[:, j].sum()), int(gold[:, j].sum())
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "support": ngold}
    return out


def macro_f1(metrics: dict[str, dict[str, float]], labels: Sequence[str]) -> float:
    """Mean F1 over ``labels``.

    >>> macro_f1({"a": {"f1": 1.0}, "b": {"f1": 0.5}}, ["a", "b"])
    0.75
    """
    return round(float(np.mean([metrics[lab]["f1"] for lab in labels])), 3)


@dataclass
class Scores:
    """Per-label metrics and macro-F1 of one system at one level."""

    per_label: dict[str, dict[str, float]]
    macro_mission: float
    macro_all: float
    n: int

    @classmethod
    def of(cls, pred: np.ndarray, gold: np.ndarray, labels: Sequence[str]) -> "Scores":
        """Score 0/1 predictions against 0/1 gold."""
        m = prf(pred, gold, labels)
        mission = [lab for lab in MISSION_LABELS if lab in labels] or list(labels)
        return cls(m, macro_f1(m, mission), macro_f1(m, labels), int(len(gold)))


@dataclass
class Report:
    """The result of :func:`evaluate_topics`."""

    labels: tuple[str, ...]
    folds: int
    n_documents: int
    model: dict[str, Scores] = field(default_factory=dict)
    baseline: dict[str, Scores] = field(default_factory=dict)
    primary_accuracy: float | None = None
    chosen_C: list[float] = field(default_factory=list)  # the C each fold's model chose (linear models)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        def conv(d: dict[str, Scores]) -> dict[str, Any]:
            return {k: vars(v) for k, v in d.items()}

        return {"labels": list(self.labels), "folds": self.folds, "n_documents": self.n_documents,
                "model": conv(self.model), "baseline": conv(self.baseline),
                "primary_accuracy": self.primary_accuracy, "chosen_C": self.chosen_C}

    def lines(self) -> list[str]:
        """A plain-text table per level: label, P/R/F1 of the model, F1 of the baseline."""
        out = [f"topics: {self.folds}-fold cross-validation grouped by document, {self.n_documents} documents"]
        if self.chosen_C:
            out.append("C chosen in each fold on its training documents only (nested CV): "
                       + ", ".join(f"{c:g}" for c in self.chosen_C))
        for level in ("paragraph", "document"):
            m, b = self.model[level], self.baseline[level]
            out.append(f"{level}s (n={m.n})")
            out.append(f"  {'label':<16} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'lexicon F1':>11}")
            for lab in self.labels:
                s = m.per_label[lab]
                out.append(f"  {lab:<16} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                           f"{s['support']:>8d} {b.per_label[lab]['f1']:>11.3f}")
            out.append(f"  macro-F1 mission labels: model {m.macro_mission:.3f}  lexicon {b.macro_mission:.3f}")
            out.append(f"  macro-F1 all labels:     model {m.macro_all:.3f}  lexicon {b.macro_all:.3f}")
        if self.primary_accuracy is not None:
            out.append(f"document primary topic accuracy (documents with a gold primary): {self.primary_accuracy:.3f}")
        return out


def _subset(rows: Rows, keep: set[str]) -> Rows:
    out = Rows()
    for t, y, g, w in zip(rows.texts, rows.labels, rows.groups, rows.weights):
        if g in keep:
            out.add(t, y, g, w)
    out.doc_labels = {d: v for d, v in rows.doc_labels.items() if d in keep}
    out.titles = {d: v for d, v in rows.titles.items() if d in keep}
    return out


def _lexicon_scores(texts: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    lex = lexicon_for(labels)
    return np.array([lex.scores(t, labels) for t in texts]).reshape(len(texts), len(labels))


def evaluate_topics(documents: Sequence[Document], *, gold: str | Path | None = None, folds: int = 5,
                    make_model: Callable[[], Any] | None = None, weak: bool = True,
                    labels: Sequence[str] = DEFAULT_LABELS) -> Report:
    """Grouped cross-validation of a topic model on the gold (see the module docstring).

    Args:
        documents: the loaded corpus (``load_corpus()``).
        gold: the gold ``topics.jsonl`` (default: the bundled one).
        folds: number of folds (at most the number of gold documents).
        make_model: builds an unfitted model with ``fit(X, y, groups=, titles=, sample_weight=)``
            and ``predict_proba``; default: the shipped model's configuration.
        weak: add the weak rows to each fold's training data.
        labels: label set evaluated.
    """
    from sklearn.model_selection import GroupKFold

    from .train_default import add_weak, fit_rows

    rows = gold_rows(documents, gold)
    doc_ids = [d for d in dict.fromkeys(rows.groups)]
    k = max(2, min(folds, len(doc_ids)))
    Y = label_matrix(rows.labels, labels)
    P = np.zeros(Y.shape)
    thresholds = np.zeros(Y.shape)
    doc_thr: dict[str, np.ndarray] = {}
    doc_scores: dict[str, np.ndarray] = {}
    chosen: list[float] = []
    for tr, te in GroupKFold(n_splits=k).split(rows.texts, groups=rows.groups):
        test_docs = {rows.groups[i] for i in te}
        train = _subset(rows, {rows.groups[i] for i in tr})
        if weak:
            add_weak(train, [d for d in documents if d.doc_id not in test_docs], labels)
        if make_model is None:
            model = fit_rows(train, labels=tuple(labels))
        else:
            model = make_model().fit(train.texts, train.labels, groups=train.groups, titles=train.titles,
                                     sample_weight=train.weights)
        P[te] = model.predict_proba([rows.texts[i] for i in te], [rows.groups[i] for i in te], rows.titles)
        thresholds[te] = model.thresholds_
        if hasattr(model, "C_"):
            chosen.append(float(model.C_))
        doc_thr.update({d: np.asarray(model.doc_thresholds_) for d in test_docs})
        doc_scores.update(zip(*aggregate_groups(P[te], [rows.groups[i] for i in te],
                                                getattr(model, "doc_rule_", DEFAULT_RULE))))
    report = Report(tuple(labels), k, len(doc_ids), chosen_C=chosen)
    report.model = score_levels(P, thresholds, doc_scores, doc_thr, rows.doc_labels, Y, labels)
    L = _lexicon_scores(rows.texts, labels)
    half = np.full(Y.shape, 0.5)
    report.baseline = score_levels(L, half, dict(zip(*aggregate_groups(L, rows.groups))),
                                   {d: np.full(len(labels), 0.5) for d in doc_ids}, rows.doc_labels, Y, labels)
    report.primary_accuracy = _primary_accuracy(doc_scores, rows, labels)
    return report


def score_levels(P: np.ndarray, par_thr: np.ndarray, doc_scores: Mapping[Any, np.ndarray],
                 doc_thr: Mapping[Any, np.ndarray], doc_labels: Mapping[Any, Sequence[str]], Y: np.ndarray,
                 labels: Sequence[str]) -> dict[str, Scores]:
    """Paragraph and document :class:`Scores` of pooled predictions: paragraph scores ``P`` against
    thresholds ``par_thr`` (one row per paragraph), document scores against document thresholds,
    for the documents that have gold ``doc_labels``.

    >>> s = score_levels(np.array([[0.9], [0.1]]), np.full((2, 1), 0.5), {"d": np.array([0.9])},
    ...                  {"d": np.array([0.5])}, {"d": ["x"]}, np.array([[1], [0]]), ["x"])
    >>> s["paragraph"].macro_all, s["document"].n
    (1.0, 1)
    """
    out = {"paragraph": Scores.of((P >= par_thr).astype(int), Y, labels)}
    keep = [d for d in doc_scores if d in doc_labels]
    pred = np.array([(doc_scores[d] >= doc_thr[d]).astype(int) for d in keep]).reshape(len(keep), len(labels))
    gold = label_matrix([doc_labels[d] for d in keep], labels)
    out["document"] = Scores.of(pred, gold, labels)
    return out


def _primary_accuracy(doc_scores: dict[str, np.ndarray], rows: Rows, labels: Sequence[str]) -> float | None:
    pairs = [(labels[int(np.argmax(S))], rows.doc_primary.get(d)) for d, S in doc_scores.items()]
    pairs = [(p, g) for p, g in pairs if g]
    return round(sum(p == g for p, g in pairs) / len(pairs), 3) if pairs else None
