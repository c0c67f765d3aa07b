"""The default topic model: char n-gram TF-IDF + weak evidence columns, one logistic regression per label.

Training uses scikit-learn; prediction uses numpy only (stored vocabulary, IDF,
coefficients), so a saved model loads fast and never unpickles anything.

>>> texts = ["Есірткі тәркіленді.", "Чиновник получил взятку.", "Алаяқтар ақша ұрлады.", "Погода хорошая."] * 3
>>> y = [["drugs"], ["corruption"], ["cyber_fraud"], []] * 3
>>> clf = TopicClassifier(labels=["drugs", "corruption", "cyber_fraud"], min_df=1, cv=2).fit(texts, y)
>>> clf.predict_labels(["Есірткі тәркіленді."])
[['drugs']]
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import ConfigError
from .base import DocumentMixin, Titles, choose_document_rule, label_matrix, thresholds_for
from .features import CharNgrams, TokenBatch
from .labels import DEFAULT_LABELS, check_labels
from .lexicon import lexicon_for
from .weak import ENUMERATION_MIN, context, enumeration_columns, evidence, title_context


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, np.float64), 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


PENALTIES = (0.0, 1.0, 2.0, 4.0, 8.0)
CONTEXT_PRIOR = 4.0  # see weak.context


def choose_penalty(oof: np.ndarray, Y: np.ndarray, N: np.ndarray) -> float:
    """The logit penalty for passing mentions (``N``: label named only in an enumeration),
    chosen from ``PENALTIES`` on out-of-fold scores ``oof``.

    One penalty is shared by all labels, since any one label has few enumerations to learn
    from. The one giving the most summed F1 (at each label's best threshold) wins; among
    equals the largest, since the annotation guideline says a passing mention never counts
    (few examples rarely show how far below the threshold it must go). 0 when no text has
    an enumeration.

    >>> oof = np.array([[0.9], [0.8], [0.9], [0.1]]); Y = np.array([[1], [1], [0], [0]])
    >>> choose_penalty(oof, Y, np.array([[0], [0], [1], [0]]))
    8.0
    >>> choose_penalty(oof, Y, np.array([[1], [0], [0], [0]]))   # a positive in an enumeration: a milder one
    2.0
    """
    if not N.any():
        return 0.0

    def summed_f1(delta: float) -> float:
        P = _sigmoid(_logit(oof) - delta * N)
        pred = P >= thresholds_for(P, Y)
        tp = (pred & (Y == 1)).sum(axis=0)
        return float((2 * tp / np.maximum(pred.sum(axis=0) + Y.sum(axis=0), 1)).sum())

    scores = np.round([summed_f1(d) for d in PENALTIES], 9)
    return PENALTIES[int(np.flatnonzero(scores == scores.max())[-1])]


class TopicClassifier(DocumentMixin):
    """Multi-label topic classifier for paragraphs, rolled up to documents.

    Follows scikit-learn conventions: parameters in ``__init__``, learned state in
    attributes ending with ``_``, ``fit`` returns ``self``, ``get_params`` /
    ``set_params`` work with ``sklearn.base.clone``.

    Args:
        labels: label names (default: the shipped six). Other names train other topics.
        C: inverse regularisation strength of each logistic regression: a number, or ``"auto"``
            (the grid :data:`select.C_GRID`) or a sequence of numbers, chosen in ``fit`` by a grouped
            cross-validation on the training data only (see :mod:`kzlegalnlp.topics.select`); the
            value used is ``C_``.
        ngram_range: char n-gram sizes.
        min_df: minimum number of training texts an n-gram must occur in.
        max_features: cap on the n-gram vocabulary.
        evidence_weight: scale of the lexicon / article-topic columns (0 switches them off).
        use_articles: add article references mapped to topics as evidence columns.
        cv: folds of the inner cross-validations: the one whose out-of-fold scores choose the
            thresholds, and the one that chooses ``C`` from a grid.
        random_state: seed of the inner folds.
        analyzer: ``"char"`` n-grams or ``"prefix"`` word prefixes (see :class:`CharNgrams`).
        context_weight: scale of the document-context columns (see :func:`weak.context`; 0 switches them off).
        enumerations: learn a penalty for labels named only in an enumeration of crime types (a passing
            mention, see :func:`weak.enumerated`); False leaves such scores as they are.
        context_prior: pseudo-paragraphs without evidence that shrink the document-context share
            (see :func:`weak.context`), so a short document's one paragraph does not label its neighbours.

    >>> TopicClassifier(C=2.0).get_params()["C"]
    2.0
    """

    def __init__(self, labels: Sequence[str] | None = None, *, C: float | str | Sequence[float] = 10.0, ngram_range: tuple[int, int] = (3, 5),
                 min_df: int = 2, max_features: int | None = 200_000, evidence_weight: float = 1.0,
                 use_articles: bool = True, cv: int = 3, random_state: int = 0, analyzer: str = "char",
                 context_weight: float = 1.0, enumerations: bool = True, context_prior: float = CONTEXT_PRIOR) -> None:
        self.labels = labels
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.evidence_weight = evidence_weight
        self.use_articles = use_articles
        self.cv = cv
        self.random_state = random_state
        self.analyzer = analyzer
        self.context_weight = context_weight
        self.enumerations = enumerations
        self.context_prior = context_prior

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params().items() if v != type(self)().get_params()[k]}
        return f"TopicClassifier({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    # -- features ------------------------------------------------------------------------
    def _evidence(self, X: Sequence[str], groups: Sequence | None = None, titles: Titles = None,
                  token_lists: Sequence[Sequence[str]] | TokenBatch | None = None) -> np.ndarray:
        """Dense columns: lexicon and article evidence, then (if ``context_weight``) document
        context (other paragraphs, neighbours, title). ``token_lists``: the texts' tokens (or a
        :class:`~kzlegalnlp.topics.features.TokenBatch` of them), if known."""
        E = evidence(X, self.classes_, lexicon=self._lexicon, articles=self.use_articles, token_lists=token_lists)
        parts = [E * np.float32(self.evidence_weight)]
        if self.context_weight:
            T = title_context(len(X), groups, titles, self.classes_, lexicon=self._lexicon, articles=self.use_articles)
            C = context(E, groups, len(self.classes_), self.context_prior)
            parts.append(np.hstack([C, T]) * np.float32(self.context_weight))
        return np.hstack(parts)

    def _design(self, X: Sequence[str], dense: np.ndarray) -> Any:
        from scipy.sparse import csr_matrix, hstack

        return hstack([self.featurizer_.transform(X), csr_matrix(dense)]).tocsr()

    def _enumerated(self, X: Sequence[str], dense: np.ndarray) -> np.ndarray:
        """0/1 ``(n, labels)``: the label is named only in enumerations (:func:`weak.enumeration_columns`).

        Only texts whose lexicon columns (the first block of ``dense``) name enough labels to
        hold an enumeration are read again: few texts do, so prediction stays fast."""
        out = np.zeros((len(X), len(self.classes_)), dtype=np.float32)
        rows = np.flatnonzero((dense[:, :len(self.classes_)] > 0).sum(axis=1) >= ENUMERATION_MIN)
        if len(rows):
            out[rows] = enumeration_columns([X[i] for i in rows], self.classes_, lexicon=self._lexicon)
        return out

    # -- training ------------------------------------------------------------------------
    def fit(self, X: Sequence[str], y: Any, *, groups: Sequence | None = None, titles: Titles = None,
            sample_weight: Sequence[float] | None = None,
            doc_labels: Mapping[Any, Sequence[str]] | None = None) -> "TopicClassifier":
        """Train on texts ``X`` with label lists (or a 0/1 matrix) ``y``.

        Args:
            X: paragraph texts.
            y: per text a list of label names, or a ``(n, labels)`` 0/1 matrix.
            groups: document id per text, paragraphs in reading order: inner folds
                never split a document, and each paragraph gets its document context.
            titles: document id -> title, read as context of the document's paragraphs.
            sample_weight: weight per text (e.g. below 1 for weak labels).
            doc_labels: document id -> gold document labels; with enough labelled documents the
                document rule and thresholds are chosen on them (see :func:`base.choose_document_rule`).
        """
        t0 = time.perf_counter()
        X = [str(x) for x in X]
        self.classes_ = check_labels(self.labels or self._labels_from(y))
        self._lexicon = lexicon_for(self.classes_)
        Y = label_matrix(y, self.classes_)
        w = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, float)
        if len(X) != len(Y) or len(w) != len(X):
            raise ConfigError(f"X has {len(X)} texts, y {len(Y)} rows, sample_weight {len(w)} values")
        self.featurizer_ = CharNgrams(self.ngram_range, self.min_df, self.max_features, self.analyzer).fit(X)
        dense = self._evidence(X, groups, titles)
        D = self._design(X, dense)
        N = self._enumerated(X, dense) if self.enumerations else np.zeros(Y.shape, np.float32)
        self.C_, self.C_scores_ = self._select_C(D, Y, w, groups, doc_labels, N)
        self._fit_design(D, Y, w, groups, doc_labels, N, self.C_)
        self.train_info_ = {"n_texts": len(X), "positives": {lab: int(Y[:, j].sum()) for j, lab in enumerate(self.classes_)},
                            "n_features": int(D.shape[1]), "C": self.C_,
                            "C_scores": {str(c): s for c, s in self.C_scores_.items()},
                            "seconds": round(time.perf_counter() - t0, 2)}
        return self

    def _fit_design(self, D: Any, Y: np.ndarray, w: np.ndarray, groups: Sequence | None,
                    doc_labels: Mapping[Any, Sequence[str]] | None, N: np.ndarray, C: float) -> "TopicClassifier":
        """Everything ``fit`` learns from the design matrix ``D`` (features already built):
        coefficients, enumeration penalty, thresholds and document rule, with regularisation ``C``."""
        self.coef_, self.intercept_ = self._fit_linear(D, Y, w, C)
        oof = self._out_of_fold(D, Y, w, groups, C)
        self.enumeration_penalty_ = choose_penalty(oof, Y, N)
        oof = _sigmoid(_logit(oof) - self.enumeration_penalty_ * N)
        self.thresholds_ = thresholds_for(oof, Y)
        # documents follow from paragraphs (see aggregate.py), by a rule chosen on the training documents
        self.doc_rule_, self.doc_thresholds_ = choose_document_rule(
            oof, groups if groups is not None else range(len(Y)), doc_labels, self.classes_, self.thresholds_)
        return self

    def _select_C(self, D: Any, Y: np.ndarray, w: np.ndarray, groups: Sequence | None,
                  doc_labels: Mapping[Any, Sequence[str]] | None, N: np.ndarray) -> tuple[float, dict[float, float]]:
        """``C`` from :func:`select.c_grid` by :func:`select.select_C` on these training rows only
        (the features of ``D`` are shared by every inner fold, see :mod:`kzlegalnlp.topics.select`)."""
        from .select import FULL_WEIGHT, c_grid, select_C

        given = groups is not None  # without groups each text is its own document, as in _out_of_fold
        groups = list(groups) if groups is not None else list(range(len(Y)))

        def fit_part(rows: np.ndarray, C: float) -> "TopicClassifier":
            part = type(self)(**self.get_params())
            part.classes_ = self.classes_
            part_groups = [groups[i] for i in rows]
            kept = set(part_groups)
            part_docs = {d: v for d, v in (doc_labels or {}).items() if d in kept}
            return part._fit_design(D[rows], Y[rows], w[rows], part_groups if given else None, part_docs, N[rows], C)

        def score_part(part: "TopicClassifier", rows: np.ndarray) -> np.ndarray:
            return _sigmoid(D[rows] @ part.coef_ + part.intercept_ - part.enumeration_penalty_ * N[rows])

        return select_C(c_grid(self.C), fit_part, score_part, Y, groups, w >= FULL_WEIGHT, doc_labels, self.classes_,
                        self.cv)

    @staticmethod
    def _labels_from(y: Any) -> tuple[str, ...]:
        if isinstance(y, np.ndarray) and y.ndim == 2 and y.shape[1] == len(DEFAULT_LABELS):
            return DEFAULT_LABELS
        found = sorted({lab for row in y for lab in row})
        return DEFAULT_LABELS if set(found) <= set(DEFAULT_LABELS) else tuple(found)

    def _fit_linear(self, D: Any, Y: np.ndarray, w: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
        from sklearn.linear_model import LogisticRegression

        coef = np.zeros((D.shape[1], Y.shape[1]), dtype=np.float32)
        intercept = np.full(Y.shape[1], -10.0, dtype=np.float32)  # a label never seen is never predicted
        for j in range(Y.shape[1]):
            if 0 < Y[:, j].sum() < len(Y):
                # the dual problem is much faster here: far more features than texts
                lr = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", dual=True, max_iter=5000,
                                        random_state=self.random_state)
                lr.fit(D, Y[:, j], sample_weight=w)
                coef[:, j], intercept[j] = lr.coef_[0], lr.intercept_[0]
        return coef, intercept

    def _out_of_fold(self, D: Any, Y: np.ndarray, w: np.ndarray, groups: Sequence | None, C: float) -> np.ndarray:
        """Scores of each training text from a model that did not see its document."""
        from sklearn.model_selection import GroupKFold, KFold

        n_groups = len(set(groups)) if groups is not None else len(Y)
        k = min(self.cv, n_groups)
        if k < 2:
            return _sigmoid(D @ self.coef_ + self.intercept_)
        if groups is not None:
            splits = GroupKFold(n_splits=k).split(np.zeros(len(Y)), groups=list(groups))
        else:
            splits = KFold(n_splits=k, shuffle=True, random_state=self.random_state).split(np.zeros(len(Y)))
        # start from in-sample scores: they stay where a fold has no positive of a label
        oof = _sigmoid(D @ self.coef_ + self.intercept_)
        for tr, te in splits:
            coef, icpt = self._fit_linear(D[tr], Y[tr], w[tr], C)
            seen = (Y[tr].sum(axis=0) > 0) & (Y[tr].sum(axis=0) < len(tr))
            oof[np.ix_(te, seen)] = _sigmoid(D[te] @ coef[:, seen] + icpt[seen])
        return oof

    # -- prediction (numpy only) -----------------------------------------------------------
    def decision_function(self, X: Sequence[str], groups: Sequence | None = None, titles: Titles = None) -> np.ndarray:
        """Raw linear scores ``(n, labels)``; ``groups`` (document id per text, paragraphs in
        reading order) gives each text its document context, else each text stands alone;
        ``titles`` maps document ids to titles."""
        self._check_fitted()
        X = list(X)
        # split once for featuriser, lexicon and article test, and each token looked up once in
        # the featuriser's token table (a vocabulary): each reads a token by its id, from values
        # of its normalised form computed once per token, so no text is lower-cased
        tokens = self.featurizer_.token_batch([x.split() for x in X])
        col, val, row = self.featurizer_.transform_batch(tokens)
        n, L = len(X), len(self.classes_)
        S = np.empty((n, L), dtype=np.float64)
        for j in range(L):
            S[:, j] = np.bincount(row, weights=val * self.coef_[col, j], minlength=n)
        nf = self.featurizer_.n_features
        dense = self._evidence(X, groups, titles, tokens)
        S += dense @ self.coef_[nf:]
        if self.enumeration_penalty_:
            S -= self.enumeration_penalty_ * self._enumerated(X, dense)
        return S + self.intercept_

    def predict_proba(self, X: Sequence[str], groups: Sequence | None = None, titles: Titles = None) -> np.ndarray:
        """Probability-like scores in [0, 1] per label ``(n, labels)`` (independent sigmoids)."""
        return _sigmoid(self.decision_function(X, groups, titles))

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("this TopicClassifier is not fitted yet: call fit() or TopicClassifier.load()")

    # -- persistence -------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the model to a directory (JSON + ``.npz`` + sha256 manifest; no pickle)."""
        from .store import save_linear

        self._check_fitted()
        return save_linear(self, Path(path))

    @classmethod
    def load(cls, path: str | Path) -> Any:
        """Read a model directory written by :meth:`save`, checking every file's sha256.

        A directory written by the transformers backend is loaded as an
        :class:`~kzlegalnlp.topics.hf.HFTopicClassifier` (same prediction API), so
        ``kzlegal tag --model DIR`` takes either kind.
        """
        from .store import load_linear

        if (Path(path) / "hf_config.json").is_file():
            from .hf import HFTopicClassifier

            return HFTopicClassifier.load(path)
        return load_linear(cls, Path(path))
