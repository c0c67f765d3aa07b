"""Score the article extractor against ``corpus/annotations/articles.jsonl``.

A prediction matches a gold record when ``(source, line, code, article, part,
paragraph, range_to)`` are equal (the surface is not compared: it is only a
reading aid). Matching is one-to-one (multiset intersection).

>>> s = score([("a", 1, "KZ-UK", "190", None, None, None, "ru")],
...           [("a", 1, "KZ-UK", "190", None, None, None, "ru")])
>>> s["all"].f1
1.0
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .._resources import annotations_dir
from ..errors import AnnotationError
from .._jsonl import json_objects

KEY_FIELDS = ("source", "line", "code", "article", "part", "paragraph", "range_to")
Row = tuple  # KEY_FIELDS + (lang,)


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one slice (all, or one language)."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path | None = None) -> list[Row]:
    """The gold records as rows; raises :class:`AnnotationError` naming the bad line.

    >>> len(load_gold()) > 100
    True
    """
    path = path or annotations_dir() / "articles.jsonl"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, rec in json_objects(fh, str(path)):
            if "lang" not in rec:
                raise AnnotationError(f"{path}:{n}: not a gold article record (no 'lang')")
            rows.append(tuple(rec.get(f) for f in KEY_FIELDS) + (rec["lang"],))
            if not isinstance(rec.get("line"), int) or not rec.get("article"):
                raise AnnotationError(f"{path}:{n}: 'line' (int) and 'article' are required")
    return rows


def predict_corpus(corpus_path: str | Path | None = None) -> list[Row]:
    """Run the extractor over every document of the loaded corpus.

    >>> rows = predict_corpus()
    >>> rows[0][:4]
    ('proceedings_2024-09-20_almaty_academy_conference.txt', 1972, 'RU-UK', '290')
    """
    from ..corpus import load_corpus
    from .articles import extract_articles

    rows = []
    for doc in load_corpus(corpus_path):
        for r in extract_articles(doc):
            rows.append((r.source, r.line, r.code, r.article, r.part, r.paragraph,
                         r.range_to, r.lang))
    return rows


def score(pred: Iterable[Row], gold: Iterable[Row]) -> dict[str, Score]:
    """Scores overall (``"all"``) and per language of the gold/predicted record."""
    pred, gold = list(pred), list(gold)
    out = {"all": _score(pred, gold)}
    for lang in sorted({r[-1] for r in gold} | {r[-1] for r in pred}):
        out[lang] = _score([r for r in pred if r[-1] == lang], [r for r in gold if r[-1] == lang])
    return out


def _score(pred: list[Row], gold: list[Row]) -> Score:
    p, g = Counter(r[:-1] for r in pred), Counter(r[:-1] for r in gold)
    return Score(sum((p & g).values()), len(pred), len(gold))


def errors(pred: list[Row], gold: list[Row]) -> tuple[list[Row], list[Row]]:
    """``(false_positives, false_negatives)`` as rows (without the language).

    >>> errors([("a", 1, None, "5", None, None, None, "ru")], [])
    ([('a', 1, None, '5', None, None, None)], [])
    """
    p, g = Counter(r[:-1] for r in pred), Counter(r[:-1] for r in gold)
    fp, fn = p - g, g - p
    return sorted(fp.elements(), key=str), sorted(fn.elements(), key=str)


def report(scores: dict[str, Score]) -> str:
    """The table that ``kzlegal evaluate articles`` prints.

    >>> print(report({"all": Score(9, 10, 10)}))
    slice  precision  recall     F1   tp  pred  gold
    all        0.900   0.900  0.900    9    10    10
    """
    lines = [f"{'slice':<6}{'precision':>11}{'recall':>8}{'F1':>7}{'tp':>5}{'pred':>6}{'gold':>6}"]
    for name, s in scores.items():
        lines.append(f"{name:<6}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
                     f"{s.tp:>5}{s.n_pred:>6}{s.n_gold:>6}")
    return "\n".join(lines)


def evaluate(gold_path: Path | None = None, corpus_path: str | Path | None = None,
             show_errors: bool = False) -> tuple[dict[str, Score], str]:
    """Score the extractor on the corpus; returns the scores and the printable report.

    >>> scores, text = evaluate()
    >>> scores["all"].f1 >= 0.97, text.splitlines()[0].split()[:2]
    (True, ['slice', 'precision'])
    """
    gold, pred = load_gold(gold_path), predict_corpus(corpus_path)
    scores = score(pred, gold)
    text = report(scores)
    if show_errors:
        fp, fn = errors(pred, gold)
        text += "\n" + "\n".join([f"FP {r}" for r in fp] + [f"FN {r}" for r in fn])
    return scores, text
