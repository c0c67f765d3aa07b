"""Held-out evaluation: a fitted model scored on hand-written texts it never saw.

Cross-validation on the corpus (:mod:`kzlegalnlp.topics.evaluate`) says how a
configuration generalises to other papers of the same proceedings; a held-out
file says how the *shipped* model does on texts outside the corpus. The file is
a training-format JSONL (see :mod:`kzlegalnlp.topics.data_io`): paragraph lines
``{"text", "labels", "doc", "lang"}`` and document lines ``{"type": "document",
"doc", "labels"}``. It must never be used for training or to write lexicon
terms, or its figures stop meaning anything.

Paragraphs of a document are scored in their document's context (in file order);
a paragraph whose ``doc`` has no other paragraph stands alone. Documents with a
document line are scored with the model's own document rule and thresholds.

>>> rows = read_training(['{"text": "Чиновник получил взятку.", "labels": ["corruption"], "lang": "ru"}'], "<mem>")
>>> r = evaluate_heldout(rows)
>>> r.paragraph.per_label["corruption"]["recall"], r.n_paragraphs
(1.0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .._jsonl import json_objects
from .aggregate import DEFAULT_RULE, aggregate_groups
from .base import label_matrix
from .data_io import Rows, load_training, read_training
from .evaluate import Scores
from .labels import MISSION_LABELS

# the repository's held-out file (present in a source checkout, not in an installed wheel)
REPO_HELDOUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "topics_heldout.jsonl"


def micro_f1(pred: np.ndarray, gold: np.ndarray) -> float:
    """F1 of all (text, label) decisions pooled: ``2 tp / (predicted + gold)``.

    >>> micro_f1(np.array([[1, 0], [1, 1]]), np.array([[1, 0], [0, 1]]))
    0.8
    """
    denom = int(pred.sum() + gold.sum())
    return round(2 * int(((pred == 1) & (gold == 1)).sum()) / denom, 3) if denom else 0.0


@dataclass
class HeldoutReport:
    """Paragraph and document scores of one model on a held-out file."""

    labels: tuple[str, ...]
    paragraph: Scores
    document: Scores
    micro_mission: float
    by_lang: dict[str, float]
    n_paragraphs: int
    n_documents: int

    def lines(self, source: str = "held-out file") -> list[str]:
        """A plain-text table: per-label P/R/F1 of paragraphs, document F1, micro-F1 per language."""
        out = [f"held-out ({source}): shipped model, {self.n_paragraphs} paragraphs, {self.n_documents} documents",
               f"  {'label':<16} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'doc F1':>7}"]
        for lab in self.labels:
            s, d = self.paragraph.per_label[lab], self.document.per_label[lab]
            doc = f"{d['f1']:>7.3f}" if d["support"] else f"{'-':>7}"  # no gold document has the label
            out.append(f"  {lab:<16} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['support']:>8d} {doc}")
        out.append(f"  paragraph micro-F1 mission labels: {self.micro_mission:.3f}  "
                   f"macro-F1 mission {self.paragraph.macro_mission:.3f}  all {self.paragraph.macro_all:.3f}")
        out.append("  paragraph micro-F1 mission labels by language: "
                   + "  ".join(f"{lang} {f:.3f}" for lang, f in sorted(self.by_lang.items())))
        out.append(f"  document macro-F1 mission labels: {self.document.macro_mission:.3f}")
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"labels": list(self.labels), "paragraph": vars(self.paragraph), "document": vars(self.document),
                "micro_mission": self.micro_mission, "by_lang": self.by_lang,
                "n_paragraphs": self.n_paragraphs, "n_documents": self.n_documents}


def _languages(path_or_lines: Sequence[str]) -> list[str]:
    """The ``lang`` of each paragraph line (``"?"`` where missing), in file order."""
    return [str(obj.get("lang", "?")) for _, obj in json_objects(path_or_lines, "held-out file")
            if obj.get("type") != "document"]


def _mission_columns(labels: Sequence[str]) -> list[int]:
    return [j for j, lab in enumerate(labels) if lab in MISSION_LABELS] or list(range(len(labels)))


def evaluate_heldout(rows: Rows, model: Any = None, langs: Sequence[str] | None = None) -> HeldoutReport:
    """Score ``model`` (default: the shipped one) on held-out ``rows``.

    ``langs`` (one per paragraph) gives the micro-F1 per language.
    """
    from . import default_model

    model = model if model is not None else default_model()
    labels = tuple(model.classes_)
    Y = label_matrix([[lab for lab in y if lab in labels] for y in rows.labels], labels)
    P = model.predict_proba(rows.texts, rows.groups, rows.titles)
    pred = (P >= model.thresholds_).astype(int)
    cols = _mission_columns(labels)
    by_lang: dict[str, float] = {}
    for lang in sorted(set(langs or ())):
        keep = [i for i, x in enumerate(langs or ()) if x == lang]
        by_lang[lang] = micro_f1(pred[np.ix_(keep, cols)], Y[np.ix_(keep, cols)])
    ids, S = aggregate_groups(P, rows.groups, getattr(model, "doc_rule_", DEFAULT_RULE))
    keep_docs = [k for k, d in enumerate(ids) if d in rows.doc_labels]
    doc_pred = (S[keep_docs] >= np.asarray(model.doc_thresholds_)).astype(int).reshape(len(keep_docs), len(labels))
    doc_gold = label_matrix([[lab for lab in rows.doc_labels[ids[k]] if lab in labels] for k in keep_docs], labels)
    return HeldoutReport(labels, Scores.of(pred, Y, labels), Scores.of(doc_pred, doc_gold, labels),
                         micro_f1(pred[:, cols], Y[:, cols]), by_lang, len(rows.texts), len(keep_docs))


def evaluate_heldout_file(path: str | Path = REPO_HELDOUT, model: Any = None) -> HeldoutReport:
    """Read a held-out JSONL file and score ``model`` on it (see :func:`evaluate_heldout`).

    >>> evaluate_heldout_file("/nonexistent.jsonl")
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.AnnotationError: /nonexistent.jsonl: no such file
    """
    rows = load_training(path)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return evaluate_heldout(rows, model, _languages(lines))
