"""What every topic model shares: label matrices, thresholds, paragraph and document output.

A model subclass provides ``classes_`` (label names), ``thresholds_`` and
``doc_thresholds_`` (arrays) and ``predict_proba(texts)``; this mixin turns those
into :class:`~kzlegalnlp.records.TopicScores` for paragraphs and documents.

>>> label_matrix([["a"], [], ["b", "a"]], ["a", "b"]).tolist()
[[1, 0], [0, 0], [1, 1]]
"""

from __future__ import annotations

import inspect
import re
from typing import Any, Mapping, Optional, Sequence

import numpy as np

from ..errors import ConfigError
from ..records import Document, TopicScores
from .aggregate import (DEFAULT_RULE, RULES, Rule, aggregate_groups, document_topics, paragraph_topics,
                        paragraphs_topics)

Titles = Optional[Mapping[Any, Optional[str]]]  # document id -> title

_BLANK = re.compile(r"\n[ \t]*\n+")


def label_matrix(y: Any, labels: Sequence[str]) -> np.ndarray:
    """A 0/1 matrix ``(n, len(labels))`` from label lists (or a matrix, checked and returned).

    >>> label_matrix([["x"]], ["a"])
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.ConfigError: row 0 has labels outside the label set ['a']: ['x']
    """
    if isinstance(y, np.ndarray) and y.ndim == 2:
        if y.shape[1] != len(labels):
            raise ConfigError(f"y has {y.shape[1]} columns but there are {len(labels)} labels")
        return (y > 0).astype(np.int8)
    pos = {lab: j for j, lab in enumerate(labels)}
    Y = np.zeros((len(y), len(labels)), dtype=np.int8)
    for i, row in enumerate(y):
        unknown = [lab for lab in row if lab not in pos]
        if unknown:
            raise ConfigError(f"row {i} has labels outside the label set {list(labels)}: {unknown}")
        for lab in row:
            Y[i, pos[lab]] = 1
    return Y


GRID = np.round(np.arange(0.1, 0.91, 0.05), 2)
TOLERANCE = 0.01


def best_threshold(scores: np.ndarray, y: np.ndarray, *, grid: np.ndarray = GRID, tolerance: float = TOLERANCE) -> float:
    """The threshold from ``grid`` maximising F1 of ``scores >= t`` against 0/1 ``y``.

    Out-of-fold F1 curves of small data sets are ragged, so among thresholds whose F1
    is within ``tolerance`` of the best, the one nearest 0.5 (the neutral point of a
    balanced logistic model) is taken. 0.5 when ``y`` has no positive or no negative.

    >>> best_threshold(np.array([0.9, 0.6, 0.4, 0.1]), np.array([1, 1, 0, 0]))
    0.5
    >>> best_threshold(np.array([0.9, 0.8, 0.75, 0.3]), np.array([1, 1, 0, 0]))
    0.8
    """
    scores, y = np.asarray(scores, float), np.asarray(y, int)
    if y.sum() == 0 or y.sum() == len(y):
        return 0.5
    pred = scores[None, :] >= grid[:, None]
    tp = (pred & (y[None, :] == 1)).sum(axis=1)
    f1 = 2 * tp / (pred.sum(axis=1) + y.sum())
    near = np.flatnonzero(f1 >= f1.max() - tolerance)
    return float(grid[near[np.argmin(np.abs(grid[near] - 0.5))]])


def thresholds_for(P: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """One :func:`best_threshold` per label column.

    >>> thresholds_for(np.array([[0.9], [0.1]]), np.array([[1], [0]])).tolist()
    [0.5]
    """
    return np.array([best_threshold(P[:, j], Y[:, j]) for j in range(Y.shape[1])])


MIN_DOCUMENTS = 4  # labelled training documents needed to choose a document rule


def choose_document_rule(P: np.ndarray, groups: Sequence, doc_labels: Mapping[Any, Sequence[str]] | None,
                         labels: Sequence[str], par_thresholds: np.ndarray) -> tuple[Rule, np.ndarray]:
    """The document rule and per-label document thresholds, chosen on training documents.

    ``P`` are out-of-fold paragraph scores of the training texts (so the choice sees
    scores like those of unseen documents), ``groups`` their document ids and
    ``doc_labels`` the gold labels of the documents that have them. For each rule of
    :data:`~kzlegalnlp.topics.aggregate.RULES`, each label with positive and negative
    documents gets the :func:`best_threshold` of its document scores (the others keep
    the paragraph threshold); the rule with the most summed document F1 wins, the
    default on ties. Fewer than ``MIN_DOCUMENTS`` labelled documents: the default rule
    and the paragraph thresholds.

    >>> P = np.array([[0.9], [0.2], [0.1], [0.1], [0.9], [0.8], [0.1], [0.1],
    ...               [0.1], [0.1], [0.1], [0.1], [0.7], [0.6], [0.1], [0.1]])
    >>> rule, t = choose_document_rule(P, list("aaaabbbbccccdddd"), {"a": ["x"], "b": ["x"], "c": [], "d": []},
    ...                                ["x"], np.array([0.5]))
    >>> rule, t.tolist()
    ((1, False), [0.75])
    """
    groups = list(groups)
    known = {g for g in groups if doc_labels and g in doc_labels}
    fallback = (DEFAULT_RULE, np.asarray(par_thresholds, float).copy())
    if len(known) < MIN_DOCUMENTS:
        return fallback
    rows = [i for i, g in enumerate(groups) if g in known]
    sub = [groups[i] for i in rows]
    Yd = None
    best: tuple[float, Rule, np.ndarray] | None = None
    for rule in RULES:
        ids, S = aggregate_groups(np.asarray(P)[rows], sub, rule)
        if Yd is None:
            Yd = label_matrix([[lab for lab in doc_labels[d] if lab in labels] for d in ids], labels)  # type: ignore[index]
        t = np.array([best_threshold(S[:, j], Yd[:, j]) if 0 < Yd[:, j].sum() < len(Yd) else par_thresholds[j]
                      for j in range(len(labels))])
        pred = S >= t
        tp = (pred & (Yd == 1)).sum(axis=0)
        f1 = float(np.round((2 * tp / np.maximum(pred.sum(axis=0) + Yd.sum(axis=0), 1)).sum(), 9))
        if best is None or f1 > best[0]:
            best = (f1, rule, t)
    assert best is not None
    return best[1], best[2]


def _title(document: Document) -> str | None:
    """A printed title (one made from the first sentence repeats the body and is left out)."""
    return None if document.title_derived else document.title


class DocumentMixin:
    """Paragraph and document output for any model with ``predict_proba``."""

    classes_: Sequence[str]
    thresholds_: np.ndarray
    doc_thresholds_: np.ndarray
    doc_rule_: Rule = DEFAULT_RULE  # models without document labels (or saved before rules) use the default

    # -- scikit-learn parameter protocol: the constructor's parameters, stored under their names
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters (scikit-learn protocol)."""
        names = [p for p in inspect.signature(type(self).__init__).parameters if p != "self"]
        return {n: getattr(self, n) for n in names}

    def set_params(self, **params: Any) -> Any:
        """Set constructor parameters (scikit-learn protocol); an unknown name is a :class:`ConfigError`."""
        valid = self.get_params()
        for k, v in params.items():
            if k not in valid:
                raise ConfigError(f"unknown parameter {k!r}; valid: {sorted(valid)}")
            setattr(self, k, v)
        return self

    def predict_proba(self, X: Sequence[str], groups: Sequence | None = None,
                      titles: Titles = None) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def predict(self, X: Sequence[str], groups: Sequence | None = None, titles: Titles = None) -> np.ndarray:
        """0/1 matrix ``(n, labels)``: each score against its label's paragraph threshold."""
        return (self.predict_proba(X, groups, titles) >= self.thresholds_).astype(np.int8)

    def predict_labels(self, X: Sequence[str]) -> list[list[str]]:
        """Label names per text (the rows of :meth:`predict`)."""
        return [[lab for lab, on in zip(self.classes_, row) if on] for row in self.predict(X)]

    def _document_scores(self, document: Document) -> np.ndarray:
        """Paragraph scores of ``document``: from :meth:`prime` or the last document scored
        (callers often ask for document and paragraph scores of the same document in a row)."""
        primed = getattr(self, "_primed", {}).get(id(document))
        if primed is not None and primed[0] is document:
            return primed[1]
        last = getattr(self, "_last_document", None)
        if last is not None and last[0] is document:
            return last[1]
        P = self._batch_scores([document])[0]
        self._last_document = (document, P)
        return P

    def _batch_scores(self, documents: Sequence[Document]) -> list[np.ndarray]:
        """Paragraph scores of each document, predicted in one batch (each document is its own group)."""
        texts = [p.text for d in documents for p in d.paragraphs]
        groups = [k for k, d in enumerate(documents) for _ in d.paragraphs]
        P = self.predict_proba(texts, groups, {k: _title(d) for k, d in enumerate(documents)})
        P = np.asarray(P).reshape(-1, len(self.classes_))
        bounds = np.cumsum([0] + [len(d.paragraphs) for d in documents])
        return [P[a:b] for a, b in zip(bounds[:-1], bounds[1:])]

    def prime(self, documents: Sequence[Document]) -> None:
        """Score the paragraphs of many documents in one batch (fast); later calls of
        :meth:`classify_document` and :meth:`classify_paragraphs` on them reuse the scores.
        Only the documents of the last call are kept.

        >>> from kzlegalnlp.topics import default_model
        >>> from kzlegalnlp.records import Document, Paragraph
        >>> docs = [Document(f"d{k}", "x.txt", "news", "ru", None, (), None, None, 1, 1, 0, 10,
        ...                  paragraphs=(Paragraph(text, 0, len(text), 1, 1, "ru", 0),))
        ...         for k, text in enumerate(["Изъято 2 кг наркотиков.", "Чиновник получил взятку."])]
        >>> model = default_model()
        >>> model.prime(docs)
        >>> [model.classify_document(d).primary for d in docs]
        ['drugs', 'corruption']
        """
        self._primed = {id(d): (d, P) for d, P in zip(documents, self._batch_scores(documents))}

    def classify_paragraphs(self, document: Document) -> list[TopicScores]:
        """Paragraph-level scores of every paragraph of ``document`` (``paragraph`` = its index)."""
        return paragraphs_topics(self._document_scores(document), self.classes_, self.thresholds_,
                                 doc_id=document.doc_id, paragraphs=[p.index for p in document.paragraphs])

    def classify_document(self, document: Document) -> TopicScores:
        """Document-level scores aggregated from the paragraphs, with evidence paragraph indices."""
        P = self._document_scores(document)
        return document_topics(P, self.classes_, self.thresholds_, self.doc_thresholds_, doc_id=document.doc_id,
                               paragraph_ids=[p.index for p in document.paragraphs], rule=self.doc_rule_)

    def classify_text(self, text: str) -> TopicScores:
        """A plain string: one paragraph gives paragraph scores; blank-line separated paragraphs a document."""
        parts = [p for p in _BLANK.split(text) if p.strip()] or [text]
        P = self.predict_proba(parts, [0] * len(parts))
        if len(parts) == 1:
            return paragraph_topics(P[0], self.classes_, self.thresholds_, paragraph=0)
        return document_topics(P, self.classes_, self.thresholds_, self.doc_thresholds_, rule=self.doc_rule_)

    def classify_many(self, documents: Sequence[Document]) -> list[TopicScores]:
        """Document-level scores of many documents, predicted in one batch (fast)."""
        return [document_topics(P, self.classes_, self.thresholds_, self.doc_thresholds_, doc_id=d.doc_id,
                                paragraph_ids=[p.index for p in d.paragraphs], rule=self.doc_rule_)
                for d, P in zip(documents, self._batch_scores(documents))]
