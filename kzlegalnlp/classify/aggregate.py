"""From paragraph scores to document scores, and the paragraphs that drive them.

How a document is scored: for each label, the document score is the **mean of the
k highest paragraph scores, k = ceil(sqrt(n))** for a document of n paragraphs.
One strong paragraph is not enough to label a long paper (a passing mention), but a
handful of strong paragraphs are (a substantial discussion); in a one-paragraph text
the document score is the paragraph score. The document is labelled where this
score reaches the label's *document* threshold, chosen on training data like the
paragraph thresholds.

The **evidence** for a label is the paragraphs scoring at or above the label's
paragraph threshold, best first (at most ``max_evidence``); when the document is
labelled but no paragraph passes alone, the best paragraph is given.

>>> import numpy as np
>>> P = np.array([[0.9, 0.1], [0.8, 0.2], [0.1, 0.7], [0.2, 0.1]])
>>> aggregate(P).round(2).tolist()
[0.85, 0.45]
"""

from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np

from ..records import TopicScores


def top_k(n: int) -> int:
    """How many paragraphs a document score averages: ``ceil(sqrt(n))``.

    >>> [top_k(n) for n in (1, 4, 5, 30)]
    [1, 2, 3, 6]
    """
    return max(1, math.ceil(math.sqrt(n)))


def aggregate(P: np.ndarray) -> np.ndarray:
    """Document scores from a ``(paragraphs, labels)`` score matrix (zeros when empty).

    >>> aggregate(np.zeros((0, 3))).tolist()
    [0.0, 0.0, 0.0]
    """
    P = np.asarray(P, dtype=np.float64)
    if P.shape[0] == 0:
        return np.zeros(P.shape[1])
    k = top_k(P.shape[0])
    return np.sort(P, axis=0)[-k:].mean(axis=0)


def aggregate_groups(P: np.ndarray, groups: Sequence) -> tuple[list, np.ndarray]:
    """Aggregate rows of ``P`` by group (document): returns ``(group ids, scores)`` in first-seen order.

    >>> ids, S = aggregate_groups(np.array([[0.2], [0.6], [0.4]]), ["a", "b", "a"])
    >>> ids, S.round(2).tolist()
    (['a', 'b'], [[0.3], [0.6]])
    """
    order: dict = {}
    for i, g in enumerate(groups):
        order.setdefault(g, []).append(i)
    ids = list(order)
    if not ids:
        return [], np.zeros((0, np.asarray(P).shape[1]))
    return ids, np.vstack([aggregate(np.asarray(P)[rows]) for rows in order.values()])


def label_set(scores: np.ndarray, thresholds: np.ndarray, labels: Sequence[str]) -> tuple[str, ...]:
    """Labels at or above their threshold, best score first.

    >>> label_set(np.array([0.3, 0.9, 0.6]), np.array([0.5, 0.5, 0.5]), ["a", "b", "c"])
    ('b', 'c')
    """
    on = [j for j in range(len(labels)) if scores[j] >= thresholds[j]]
    return tuple(labels[j] for j in sorted(on, key=lambda j: -scores[j]))


def evidence(P: np.ndarray, par_thresholds: np.ndarray, labels: Sequence[str], chosen: Sequence[str],
             max_evidence: int = 5) -> dict[str, tuple[int, ...]]:
    """For each chosen label, the indices of the paragraphs that drive it, best first.

    >>> evidence(np.array([[0.9], [0.2], [0.7]]), np.array([0.5]), ["a"], ["a"])
    {'a': (0, 2)}
    """
    out: dict[str, tuple[int, ...]] = {}
    for lab in chosen:
        j = list(labels).index(lab)
        col = np.asarray(P)[:, j]
        ranked = [int(i) for i in np.argsort(-col, kind="stable")]
        passing = [i for i in ranked if col[i] >= par_thresholds[j]][:max_evidence]
        out[lab] = tuple(passing or ranked[:1])
    return out


def document_topics(P: np.ndarray, labels: Sequence[str], par_thresholds: np.ndarray, doc_thresholds: np.ndarray,
                    *, doc_id: str | None = None, paragraph_ids: Sequence[int] | None = None) -> TopicScores:
    """Document-level :class:`TopicScores` from its paragraph score matrix.

    ``paragraph_ids`` maps row numbers to :attr:`Paragraph.index` values (default: row numbers).

    >>> t = document_topics(np.array([[0.9, 0.1], [0.1, 0.2]]), ["a", "b"], np.full(2, .5), np.full(2, .5))
    >>> t.labels, t.primary, dict(t.evidence)
    (('a',), 'a', {'a': (0,)})
    """
    scores = aggregate(P)
    chosen = label_set(scores, doc_thresholds, labels)
    ev = evidence(P, par_thresholds, labels, chosen)
    if paragraph_ids is not None:
        ev = {lab: tuple(int(paragraph_ids[i]) for i in rows) for lab, rows in ev.items()}
    return TopicScores(scores=_score_map(labels, scores), labels=chosen, primary=chosen[0] if chosen else None,
                       evidence=ev, doc_id=doc_id)


def _score_map(labels: Sequence[str], scores: np.ndarray) -> Mapping[str, float]:
    return {lab: round(float(s), 4) for lab, s in zip(labels, scores)}


def paragraph_topics(scores: np.ndarray, labels: Sequence[str], thresholds: np.ndarray, *,
                     doc_id: str | None = None, paragraph: int | None = None) -> TopicScores:
    """Paragraph-level :class:`TopicScores` from one score row.

    >>> paragraph_topics(np.array([0.7, 0.2]), ["a", "b"], np.full(2, .5), paragraph=3).labels
    ('a',)
    """
    chosen = label_set(scores, thresholds, labels)
    return TopicScores(scores=_score_map(labels, scores), labels=chosen, primary=chosen[0] if chosen else None,
                       doc_id=doc_id, paragraph=paragraph)
