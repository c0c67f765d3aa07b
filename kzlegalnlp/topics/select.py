"""Choosing ``C`` by grouped cross-validation on the training data only.

``TopicClassifier(C="auto")`` (or ``C=(1, 3, 10)``) chooses its regularisation inside
``fit``: an inner cross-validation grouped by document, on the texts given to ``fit``
and nothing else, scores every candidate and the best one is refitted on all of
them. Inside ``kzlegal evaluate topics`` this is nested cross-validation: each
outer fold's model chooses on its own training documents, so the outer test
documents never take part in the choice and the reported figures stay honest.

**Criterion** (fixed before any nested result was looked at, and not to be changed
after): the mean of paragraph macro-F1 and document macro-F1 over the mission
labels (all labels when the label set has none of them), computed on the pooled
inner out-of-fold predictions, each inner model using the paragraph thresholds,
enumeration penalty and document rule it chose on its own inner training part,
exactly as the outer evaluation does. With fewer than ``MIN_DOCUMENTS`` labelled
documents among the scored ones, paragraph macro-F1 alone. Ties go to the smaller
``C`` (the stronger regularisation: fewer documents than features).

**Which rows are scored**: rows of full weight (``sample_weight >= 1``). Rows of
less weight (weak labels: lexicon examples, paragraphs labelled from lexicon hits)
always stay in the inner training part: their labels are guesses, not a target.
Inner folds split the documents (``groups``) that hold scored rows.

**Features are reused**: the n-gram vocabulary, IDF and evidence columns are built
once on all the texts given to ``fit`` (no label is used for them), and only the
linear models, thresholds and document rules are fitted per inner fold.

>>> c_grid("auto"), c_grid(2), c_grid([3, 1])
((1.0, 3.0, 10.0), (2.0,), (1.0, 3.0))
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

import numpy as np

from ..errors import ConfigError
from .aggregate import aggregate_groups
from .base import MIN_DOCUMENTS

C_GRID = (1.0, 3.0, 10.0)
FULL_WEIGHT = 1.0  # rows weighted below this are weak labels: trained on, never scored


def c_grid(C: Any) -> tuple[float, ...]:
    """The candidate values of a ``C`` parameter: one number (fixed), ``"auto"`` (:data:`C_GRID`)
    or a sequence of numbers, sorted.

    >>> c_grid("big")
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.ConfigError: C must be a positive number, a sequence of them or 'auto', got 'big'
    """
    if isinstance(C, str):
        if C != "auto":
            raise ConfigError(f"C must be a positive number, a sequence of them or 'auto', got {C!r}")
        return C_GRID
    values = [C] if np.isscalar(C) else list(C)
    if not values or any(isinstance(v, (str, bool)) or not float(v) > 0 for v in values):
        raise ConfigError(f"C must be a positive number, a sequence of them or 'auto', got {C!r}")
    return tuple(sorted({float(v) for v in values}))


def inner_folds(groups: Sequence, scored: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(train, test)`` row indices of ``k`` folds over the groups holding ``scored`` rows.

    A test fold holds whole groups; rows of groups without a scored row are always
    in training. No folds (``[]``) when fewer than two groups hold scored rows.

    >>> folds = inner_folds(["a", "a", "b", "c", "w"], np.array([1, 1, 1, 1, 0], bool), 3)
    >>> sorted(te.tolist() for _, te in folds), all(4 in tr for tr, _ in folds)
    ([[0, 1], [2], [3]], True)
    """
    from sklearn.model_selection import GroupKFold

    groups = list(groups)
    candidates = list(dict.fromkeys(g for g, s in zip(groups, scored) if s))
    k = min(k, len(candidates))
    if k < 2:
        return []
    rows = np.flatnonzero([g in set(candidates) for g in groups])
    folds = []
    for _, te in GroupKFold(n_splits=k).split(rows, groups=[groups[i] for i in rows]):
        test = rows[te]
        folds.append((np.setdiff1d(np.arange(len(groups)), test), test))
    return folds


def criterion(P: np.ndarray, par_thr: np.ndarray, doc_scores: dict[Any, np.ndarray], doc_thr: dict[Any, np.ndarray],
              Y: np.ndarray, doc_labels: Mapping[Any, Sequence[str]], labels: Sequence[str]) -> float:
    """The selection score of pooled out-of-fold predictions (see the module docstring).

    >>> P = np.array([[0.9], [0.2], [0.8], [0.1]]); t = np.full(P.shape, 0.5)
    >>> criterion(P, t, {}, {}, np.array([[1], [0], [0], [0]]), {}, ["x"])   # paragraphs only: F1 2/3
    0.667
    """
    from .evaluate import score_levels

    levels = score_levels(P, par_thr, doc_scores, doc_thr, doc_labels, Y, labels)
    if levels["document"].n < MIN_DOCUMENTS:
        return levels["paragraph"].macro_mission
    return round((levels["paragraph"].macro_mission + levels["document"].macro_mission) / 2, 4)


# fit_part(train_rows, C) -> a fitted model with ``thresholds_``, ``doc_thresholds_``, ``doc_rule_``;
# score_part(model, test_rows) -> its paragraph scores of the test rows
FitPart = Callable[[np.ndarray, float], Any]
ScorePart = Callable[[Any, np.ndarray], np.ndarray]


def select_C(grid: Sequence[float], fit_part: FitPart, score_part: ScorePart, Y: np.ndarray, groups: Sequence,
             scored: np.ndarray, doc_labels: Mapping[Any, Sequence[str]] | None, labels: Sequence[str],
             k: int) -> tuple[float, dict[float, float]]:
    """The best ``C`` of ``grid`` by the :func:`criterion` of an inner ``k``-fold grouped CV, and
    the score of every candidate. One candidate, or too few groups for two folds: the largest
    value, unscored.

    >>> Y = np.array([[1], [0]] * 4); groups = [0, 0, 1, 1, 2, 2, 3, 3]
    >>> class Fitted:  # a stand-in whose scores are good only when C is 1
    ...     thresholds_ = doc_thresholds_ = np.array([0.5]); doc_rule_ = (1, False)
    ...     def __init__(self, C): self.C = C
    >>> score = lambda m, rows: np.where(Y[rows] == 1, 0.9, 0.1) if m.C == 1 else np.full((len(rows), 1), 0.9)
    >>> select_C([1.0, 10.0], lambda rows, C: Fitted(C), score, Y, groups, np.ones(8, bool), {}, ["x"], 2)
    (1.0, {1.0: 1.0, 10.0: 0.667})
    """
    grid = sorted(grid)
    folds = inner_folds(groups, scored, k) if len(grid) > 1 else []
    if not folds:
        return float(grid[-1]), {}
    groups = list(groups)
    doc_labels = doc_labels or {}
    scores: dict[float, float] = {}
    for C in grid:
        P, thr = np.zeros(Y.shape), np.zeros(Y.shape)
        doc_scores: dict[Any, np.ndarray] = {}
        doc_thr: dict[Any, np.ndarray] = {}
        for tr, te in folds:
            model = fit_part(tr, C)
            P[te], thr[te] = score_part(model, te), model.thresholds_
            ids, S = aggregate_groups(P[te], [groups[i] for i in te], model.doc_rule_)
            doc_scores.update(zip(ids, S))
            doc_thr.update({d: np.asarray(model.doc_thresholds_) for d in ids})
        keep = np.flatnonzero(scored)  # every scored row is in one test fold
        scores[float(C)] = criterion(P[keep], thr[keep], doc_scores, doc_thr, Y[keep], doc_labels, labels)
    best = max(scores.values())
    return min(C for C, s in scores.items() if s == best), scores
