"""Score the statistics extractor against ``corpus/annotations/statistics.jsonl``.

A prediction matches a gold record when source, line, value, unit and qualifier
are the same (values compared with a relative tolerance of 1e-9). Only
predictions that start inside the exhaustively annotated line ranges of
``statistics_scope.json`` are scored. On matched pairs, ``subject`` (compared
after lower-casing and collapsing spaces) and ``year`` accuracies are reported
apart from precision, recall and F1.

>>> g = [{"source": "a", "line": 1, "value": 5.0, "unit": "count", "qualifier": "exact",
...       "year": 2025, "subject": "іс"}]
>>> p = [{"source": "a", "line": 1, "value": 5.0, "unit": "count", "qualifier": "exact",
...       "year": None, "subject": "іс"}]
>>> r = score(g, p)
>>> r.precision, r.recall, r.f1, r.subject_accuracy, r.year_accuracy
(1.0, 1.0, 1.0, 1.0, 0.0)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import AnnotationError
from .._jsonl import json_objects

REQUIRED = ("source", "line", "surface", "value", "unit", "qualifier")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "up_to", "range")


@dataclass
class Report:
    """Counts and scores of one evaluation; ``missed``/``spurious`` list the errors.

    >>> r = Report(gold=4, predicted=5, matched=4, subject_ok=3, year_ok=4)
    >>> round(r.precision, 2), r.recall, round(r.f1, 3), r.subject_accuracy
    (0.8, 1.0, 0.889, 0.75)
    """

    gold: int
    predicted: int
    matched: int
    subject_ok: int
    year_ok: int
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    wrong_year: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def subject_accuracy(self) -> float:
        return self.subject_ok / self.matched if self.matched else 0.0

    @property
    def year_accuracy(self) -> float:
        return self.year_ok / self.matched if self.matched else 0.0


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records, one JSON object a line, checked for the required fields.

    Raises:
        AnnotationError: naming the file and line of a bad record.

    >>> from kzlegalnlp._resources import annotations_dir
    >>> load_gold(annotations_dir() / "statistics.jsonl")[0]["unit"]
    'person'
    """
    out = []
    path = Path(path)
    for n, rec in json_objects(path.read_text(encoding="utf-8").splitlines(), str(path)):
        missing = [k for k in REQUIRED if k not in rec]
        if missing:
            raise AnnotationError(f"{path}:{n}: missing field(s) {', '.join(missing)}")
        if rec["qualifier"] not in QUALIFIERS:
            raise AnnotationError(f"{path}:{n}: unknown qualifier {rec['qualifier']!r}")
        out.append(rec)
    return out


def load_scope(path: str | Path) -> dict[str, list[tuple[int, int]]]:
    """Annotated line ranges per source file.

    >>> from kzlegalnlp._resources import annotations_dir
    >>> load_scope(annotations_dir() / "statistics_scope.json")["news_kk_2026-01-16_internet_fraud_2025.txt"]
    [(1, 8)]
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        scope: dict[str, list[tuple[int, int]]] = {}
        for e in data["scope"]:
            scope.setdefault(e["source"], []).append((int(e["lines"][0]), int(e["lines"][1])))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise AnnotationError(f"{path}: bad scope file ({exc})") from exc
    return scope


def in_scope(rec: dict[str, Any], scope: dict[str, list[tuple[int, int]]]) -> bool:
    """True when the record's source line lies in an annotated range.

    >>> in_scope({"source": "a", "line": 3}, {"a": [(1, 5)]})
    True
    """
    line = rec.get("line")
    return line is not None and any(a <= line <= b for a, b in scope.get(rec["source"], ()))


def _key(rec: dict[str, Any]) -> tuple[Any, ...]:
    return rec["source"], rec["line"], rec["unit"], rec["qualifier"]


def _norm(text: Any) -> str:
    return " ".join(str(text).lower().split()) if text else ""


def score(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> Report:
    """Match predictions to gold one to one (see the module rules) and count.

    >>> g = {"source": "a", "line": 2, "value": 1e3, "unit": "count", "qualifier": "approx"}
    >>> score([g], [dict(g, qualifier="exact")]).matched
    0
    """
    pool: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for p in predicted:
        pool.setdefault(_key(p), []).append(p)
    report = Report(len(gold), len(predicted), 0, 0, 0)
    used: set[int] = set()
    for g in gold:
        hit = next((p for p in pool.get(_key(g), ())
                    if id(p) not in used and math.isclose(p["value"], g["value"], rel_tol=1e-9)),
                   None)
        if hit is None:
            report.missed.append(g)
            continue
        used.add(id(hit))
        report.matched += 1
        report.subject_ok += _norm(hit.get("subject")) == _norm(g.get("subject"))
        if hit.get("year") == g.get("year"):
            report.year_ok += 1
        else:
            report.wrong_year.append((g, hit))
    report.spurious = [p for p in predicted if id(p) not in used]
    return report


def predict(mode: str = "documents") -> list[dict[str, Any]]:
    """Predictions over the bundled corpus as dicts with ``source`` and ``line``.

    Args:
        mode: ``documents`` (the loader's documents, bibliography left out) or
            ``raw`` (each raw file as one plain string).

    >>> sorted(predict("raw")[0])[:3]
    ['article', 'base', 'char_end']
    """
    from .statistics import extract_statistics

    if mode == "documents":
        from ..corpus import load_corpus

        corpus = load_corpus()
        return [s.to_dict() for doc in corpus
                for s in extract_statistics(doc, source_text=corpus.source_text(doc))]
    if mode == "raw":
        return list(_predict_raw())
    raise AnnotationError(f"unknown mode {mode!r}: use 'documents' or 'raw'")


def _predict_raw() -> Iterable[dict[str, Any]]:
    import re

    from .._resources import raw_dir
    from .statistics import extract_statistics

    for path in sorted(raw_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        header = re.match(r"\s*date (\d{4})-\d\d-\d\d", text)
        if header:  # blank the header's date: it is no year mention of the body
            text = " " * header.end() + text[header.end():]
        year = int(header.group(1)) if header else None
        for s in extract_statistics(text, ref_year=year):
            d = s.to_dict()
            d["source"], d["line"] = path.name, text.count("\n", 0, s.char_start) + 1
            yield d


def evaluate(mode: str = "documents", gold_path: str | Path | None = None) -> Report:
    """Score the extractor on the bundled gold (only the annotated ranges).

    >>> evaluate("raw").f1 > 0.9
    True
    """
    from .._resources import annotations_dir

    folder = annotations_dir()
    gold = load_gold(gold_path or folder / "statistics.jsonl")
    scope = load_scope(folder / "statistics_scope.json")
    preds = [p for p in predict(mode) if in_scope(p, scope)]
    return score([g for g in gold if in_scope(g, scope)], preds)


def format_report(report: Report, errors: bool = False) -> str:
    """The lines ``kzlegal evaluate statistics`` prints.

    >>> print(format_report(Report(2, 2, 1, 1, 0)))
    statistics: gold 2  predicted 2  matched 1
    precision 0.500  recall 0.500  F1 0.500
    subject accuracy on matched 1/1 = 1.000
    year accuracy on matched 0/1 = 0.000
    """
    lines = [
        f"statistics: gold {report.gold}  predicted {report.predicted}  matched {report.matched}",
        f"precision {report.precision:.3f}  recall {report.recall:.3f}  F1 {report.f1:.3f}",
        f"subject accuracy on matched {report.subject_ok}/{report.matched} = "
        f"{report.subject_accuracy:.3f}",
        f"year accuracy on matched {report.year_ok}/{report.matched} = {report.year_accuracy:.3f}",
    ]
    if errors:
        for g in report.missed:
            lines.append(f"MISSED   {g['source']}:{g['line']} {g['surface']!r} {g['value']:g} "
                         f"{g['unit']} {g['qualifier']}")
        for p in report.spurious:
            lines.append(f"SPURIOUS {p['source']}:{p['line']} {p['surface']!r} {p['value']:g} "
                         f"{p['unit']} {p['qualifier']}")
        for g, p in report.wrong_year:
            lines.append(f"YEAR     {g['source']}:{g['line']} {g['surface']!r} gold {g['year']} "
                         f"got {p['year']}")
    return "\n".join(lines)


__all__ = ["Report", "load_gold", "load_scope", "score", "predict", "evaluate", "format_report",
           "in_scope"]
