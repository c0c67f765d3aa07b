"""From paragraph scores to document scores, and the paragraphs that drive them.

How a document is scored: a **document rule** ``(k, mean)`` turns, per label, the
paragraph scores into one score in [0, 1]: the k-th highest paragraph score
(``mean=False``) or the mean of the k highest (``mean=True``), where k is at most
half the document's paragraphs, rounded up (a short news item of three paragraphs
is about a topic two of them discuss). The default, ``(2, False)``, labels a
document when at least two of its paragraphs reach the threshold (one in a document
of one or two paragraphs): one paragraph is a passing mention, two or more a
substantial discussion, which is the rule the gold annotation guideline uses. When training data has document labels, the rule (from :data:`RULES`) and a
document threshold per label are chosen on out-of-fold paragraph scores of the
training documents (:func:`kzlegalnlp.topics.base.choose_document_rule`); otherwise
the document thresholds are the paragraph thresholds.

The **evidence** for a label is the paragraphs scoring at or above the label's
paragraph threshold, best first (at most ``max_evidence``).

>>> import numpy as np
>>> P = np.array([[0.9, 0.1], [0.8, 0.2], [0.1, 0.7], [0.2, 0.1]])
>>> aggregate(P).round(2).tolist()
[0.8, 0.2]
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from ..corpus.clean import new_record
from ..records import TopicScores


SUPPORT = 2  # paragraphs that must reach the threshold for a document label
Rule = tuple[int, bool]  # (k, mean): the k-th best paragraph score, or the mean of the k best
DEFAULT_RULE: Rule = (SUPPORT, False)
# the candidates a model chooses from on its training documents; the default first, so it wins ties
RULES: tuple[Rule, ...] = (DEFAULT_RULE, (1, False), (3, False), (2, True), (3, True))


def aggregate(P: np.ndarray, support: int = SUPPORT, mean: bool = False) -> np.ndarray:
    """Document scores from a ``(paragraphs, labels)`` score matrix: the ``support``-th highest
    score per label, or with ``mean`` the mean of the ``support`` highest (fewer in a short
    document, see :func:`effective_support`; zeros when there are no paragraphs).

    >>> aggregate(np.zeros((0, 3))).tolist()
    [0.0, 0.0, 0.0]
    >>> aggregate(np.array([[0.9], [0.3], [0.6]])).tolist(), aggregate(np.array([[0.4]])).tolist()
    ([0.6], [0.4])
    >>> aggregate(np.array([[0.9], [0.3], [0.6]]), 3, mean=True).round(2).tolist()   # the 2 best of 3
    [0.75]
    """
    P = np.asarray(P, dtype=np.float64)
    if P.shape[0] == 0:
        return np.zeros(P.shape[1])
    top = np.sort(P, axis=0)[-effective_support(support, P.shape[0]):]
    return top.mean(axis=0) if mean else top[0]


def effective_support(support: int, n_paragraphs: int) -> int:
    """The k of a rule in a document of ``n_paragraphs``: at most half its paragraphs (rounded up).

    The guideline labels a document with a topic that is a central theme or developed over
    two paragraphs; in a short news item of three paragraphs, two of them on a topic make
    it central, so the mean of the three best (all of them) would ask too much.

    >>> [effective_support(3, n) for n in (1, 2, 3, 4, 5, 6, 40)]
    [1, 1, 2, 2, 3, 3, 3]
    """
    return max(1, min(support, (n_paragraphs + 1) // 2))


def aggregate_groups(P: np.ndarray, groups: Sequence, rule: Rule = DEFAULT_RULE) -> tuple[list, np.ndarray]:
    """Aggregate rows of ``P`` by group (document): returns ``(group ids, scores)`` in first-seen order.

    >>> ids, S = aggregate_groups(np.array([[0.2], [0.6], [0.4], [0.1], [0.3]]), ["a", "b", "a", "a", "a"])
    >>> ids, S.round(2).tolist()
    (['a', 'b'], [[0.3], [0.6]])
    """
    order: dict = {}
    for i, g in enumerate(groups):
        order.setdefault(g, []).append(i)
    ids = list(order)
    if not ids:
        return [], np.zeros((0, np.asarray(P).shape[1]))
    return ids, np.vstack([aggregate(np.asarray(P)[rows], *rule) for rows in order.values()])


def label_set(scores: np.ndarray | Sequence[float], thresholds: np.ndarray | Sequence[float],
              labels: Sequence[str]) -> tuple[str, ...]:
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
    P, labels = np.asarray(P), list(labels)
    for lab in chosen:
        j = labels.index(lab)
        col = P[:, j]
        ranked = np.argsort(-col, kind="stable")
        # the threshold test by numpy, not one numpy scalar per paragraph
        driving = ranked[col[ranked] >= par_thresholds[j]][:max_evidence]
        out[lab] = tuple((driving if len(driving) else ranked[:1]).tolist())
    return out


def document_topics(P: np.ndarray, labels: Sequence[str], par_thresholds: np.ndarray, doc_thresholds: np.ndarray,
                    *, doc_id: str | None = None, paragraph_ids: Sequence[int] | None = None,
                    rule: Rule = DEFAULT_RULE) -> TopicScores:
    """Document-level :class:`TopicScores` from its paragraph score matrix.

    ``paragraph_ids`` maps row numbers to :attr:`Paragraph.index` values (default: row numbers);
    ``rule`` is the document rule (see the module docstring).

    >>> P = np.array([[0.9, 0.1], [0.8, 0.6], [0.1, 0.2]])
    >>> t = document_topics(P, ["a", "b"], np.full(2, .5), np.full(2, .5))
    >>> t.labels, t.primary, dict(t.evidence)   # "b" has one paragraph: a passing mention
    (('a',), 'a', {'a': (0, 1)})
    """
    scores = aggregate(P, *rule)
    chosen = label_set(scores, doc_thresholds, labels)
    ev = evidence(P, par_thresholds, labels, chosen)
    if paragraph_ids is not None:
        ev = {lab: tuple(int(paragraph_ids[i]) for i in rows) for lab, rows in ev.items()}
    return TopicScores(scores=_score_map(labels, scores), labels=chosen, primary=chosen[0] if chosen else None,
                       evidence=ev, doc_id=doc_id)


def _score_map(labels: Sequence[str], scores: np.ndarray | Sequence[float]) -> Mapping[str, float]:
    return dict(zip(labels, rounded(scores)))


SCORE_DIGITS = 4  # decimals of a printed score
_TIE = 1e-6  # a scaled score this close to a half is rounded by Python itself
_EXACT = 2.0 ** 30  # below this a scaled score is off by at most 2**-23, far less than _TIE


def rounded(scores: np.ndarray | Sequence[float], ndigits: int = SCORE_DIGITS) -> list:
    """``round(float(x), ndigits)`` of every score, as nested lists like ``tolist()``.

    Python rounds the exact binary value half to even and returns the float nearest to the
    decimal it got: that is ``rint(x * 10**n) / 10**n`` (a correctly rounded division of two
    exact numbers) unless the product's rounding error could decide the rounding, i.e. near
    a half, for a large value or one that is not finite; those few go to ``round`` itself.
    One numpy pass instead of a ``round`` (a decimal conversion) per score.

    >>> rounded([0.123449999, 0.00005, -0.00001, float("nan")]), rounded([2.675], 2), round(2.675, 2)
    ([0.1234, 0.0001, -0.0, nan], [2.67], 2.67)
    >>> rounded(np.array([[0.5, 1 / 3]]), 2)
    [[0.5, 0.33]]
    """
    if not 0 <= ndigits <= 15:
        raise ValueError(f"ndigits must be 0..15, got {ndigits}")
    x = np.asarray(scores, dtype=np.float64)
    scale = 10.0 ** ndigits
    scaled = x * scale
    out = np.rint(scaled) / scale
    with np.errstate(invalid="ignore"):
        safe = (np.abs(scaled) < _EXACT) & (np.abs(scaled - np.floor(scaled) - 0.5) > _TIE)
    if not safe.all():
        flat, values = out.reshape(-1), x.reshape(-1)
        for i in np.flatnonzero(~safe.reshape(-1)).tolist():
            flat[i] = round(float(values[i]), ndigits)
    return out.tolist()


def paragraph_topics(scores: np.ndarray | Sequence[float], labels: Sequence[str],
                     thresholds: np.ndarray | Sequence[float], *,
                     doc_id: str | None = None, paragraph: int | None = None) -> TopicScores:
    """Paragraph-level :class:`TopicScores` from one score row.

    >>> paragraph_topics(np.array([0.7, 0.2]), ["a", "b"], np.full(2, .5), paragraph=3).labels
    ('a',)
    """
    chosen = label_set(scores, thresholds, labels)
    return TopicScores(scores=_score_map(labels, scores), labels=chosen, primary=chosen[0] if chosen else None,
                       doc_id=doc_id, paragraph=paragraph)


def paragraphs_topics(P: np.ndarray, labels: Sequence[str], thresholds: np.ndarray | Sequence[float], *,
                      doc_id: str | None = None, paragraphs: Sequence[int]) -> list[TopicScores]:
    """:func:`paragraph_topics` of every row of ``P`` (``paragraphs``: their indices), with the
    rounding and the threshold tests done for the whole matrix at once.

    >>> [t.labels for t in paragraphs_topics(np.array([[0.7, 0.2], [0.1, 0.3]]), ["a", "b"], [.5, .5],
    ...                                      paragraphs=[0, 1])]
    [('a',), ()]
    """
    P = np.asarray(P, dtype=np.float64).reshape(len(paragraphs), len(labels))
    chosen = _row_label_sets(P, np.asarray(thresholds, dtype=np.float64), labels)
    # records built as new_record does: TopicScores.__init__ was a fifth of the output's cost
    return [new_record(TopicScores, {"scores": dict(zip(labels, scores)), "labels": labels_on,
                                     "primary": labels_on[0] if labels_on else None, "evidence": {},
                                     "doc_id": doc_id, "paragraph": index})
            for scores, labels_on, index in zip(rounded(P), chosen, paragraphs)]


def _row_label_sets(P: np.ndarray, thresholds: np.ndarray, labels: Sequence[str]) -> list[tuple[str, ...]]:
    """:func:`label_set` of every row of ``P``: a row with one label on gets it without a sort
    (most rows have none or one); only rows with several go to :func:`label_set`.

    >>> _row_label_sets(np.array([[0.1, 0.2], [0.6, 0.1], [0.6, 0.7]]), np.full(2, .5), ["a", "b"])
    [(), ('a',), ('b', 'a')]
    """
    on = P >= thresholds
    n_on = on.sum(axis=1)
    out: list[tuple[str, ...]] = [()] * len(P)
    alone = [(lab,) for lab in labels]
    single = n_on == 1
    if single.any():
        for i, j in zip(np.flatnonzero(single).tolist(), on[single].argmax(axis=1).tolist()):
            out[i] = alone[j]
    thresholds_list = thresholds.tolist()
    for i in np.flatnonzero(n_on > 1).tolist():
        out[i] = label_set(P[i].tolist(), thresholds_list, labels)
    return out
