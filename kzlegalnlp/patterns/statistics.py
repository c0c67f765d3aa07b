"""Compiled statistics patterns, read once from the JSON data beside this module.

The data files are the single source of truth; each entry carries examples that
``tests/test_statistics_patterns.py`` checks both ways:

* ``units.json`` -- units after a number (``%-ды``, ``теңгеден``, ``тоннаға``...);
* ``qualifiers.json`` -- words before (``более``, ``шамамен``) and Kazakh
  postpositions after (``астам``, ``жуық``, ``дейін``) a figure;
* ``not_statistics.json`` -- spans whose numbers are no statistics (articles,
  dates, times, pages, law numbers...).

>>> p = statistics_patterns()
>>> p.unit_at("%-ға жуық", 0)[:2]
('percent', 4)
>>> p.qualifier_before("примерно ")
('approx', 0)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import AnnotationError

_HERE = Path(__file__).resolve().parent
_FLAGS = re.IGNORECASE


def load_json(name: str) -> dict[str, Any]:
    """Read one pattern file of this folder, naming the file on a syntax error.

    >>> sorted(load_json("qualifiers.json"))[:2]
    ['_doc', 'after']
    """
    path = _HERE / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnnotationError(f"{path}: cannot read pattern data ({exc})") from exc


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise AnnotationError(f"{where}: bad pattern {pattern!r} ({exc})") from exc


@dataclass(frozen=True)
class UnitPattern:
    """One unit entry: the unit name, how it attaches and its compiled regex."""

    unit: str
    kind: str
    drop: bool
    regex: re.Pattern[str]


@dataclass(frozen=True)
class StatisticsPatterns:
    """All compiled patterns of the statistics extractor."""

    units: tuple[UnitPattern, ...]
    before: tuple[tuple[str, re.Pattern[str]], ...]
    after: tuple[tuple[str, bool, re.Pattern[str]], ...]
    glued_approx: re.Pattern[str]
    masks: re.Pattern[str]
    range_from: re.Pattern[str]
    range_to: re.Pattern[str]

    def unit_at(self, text: str, pos: int, *, nouns: bool = True) -> tuple[str, int, bool] | None:
        """Unit printed at ``text[pos:]`` after optional spaces: (unit, end, drop) or None."""
        start = pos
        while start < len(text) and text[start] in " \u00a0\u2009\u202f\t":
            start += 1
        for entry in self.units:
            if entry.kind == "noun" and not nouns:
                continue
            m = entry.regex.match(text, start)
            if m and m.end() > start:
                return entry.unit, m.end(), entry.drop
        return None

    def qualifier_before(self, left: str) -> tuple[str, int] | None:
        """Qualifier ending ``left`` (the text before a number): (qualifier, its start)."""
        for name, regex in self.before:
            m = regex.search(left)
            if m:
                return name, m.start()
        return None

    def qualifier_after(self, text: str, pos: int, ablative: bool) -> tuple[str, int] | None:
        """Kazakh postposition at ``text[pos:]`` after spaces: (qualifier, end) or None."""
        for name, needs_ablative, regex in self.after:
            if needs_ablative and not ablative:
                continue
            m = regex.match(text, pos)
            if m:
                return name, m.end()
        return None


def _units(data: dict[str, Any]) -> tuple[UnitPattern, ...]:
    out = []
    for i, e in enumerate(data["units"]):
        out.append(UnitPattern(e["unit"], e.get("kind", "word"), bool(e.get("drop")),
                               _compile(e["pattern"], f"units.json entry {i}")))
    return tuple(out)


@lru_cache(maxsize=1)
def statistics_patterns() -> StatisticsPatterns:
    """The compiled patterns (built once per process).

    >>> statistics_patterns().masks.search("ст. 190 УК").group()
    'ст. 190'
    """
    q = load_json("qualifiers.json")
    masks = load_json("not_statistics.json")["masks"]
    before = tuple(
        (e["qualifier"], _compile(r"(?<![^\W\d_])" + e["pattern"] + r"\s*$", "qualifiers.json"))
        for e in q["before"]
    )
    after = tuple(
        (e["qualifier"], bool(e.get("needs_ablative")),
         _compile(r"\s*" + e["pattern"] + r"(?![^\W\d_])", "qualifiers.json"))
        for e in q["after"]
    )
    mask = "|".join(f"(?:{m['pattern']})" for m in masks)
    return StatisticsPatterns(
        units=_units(load_json("units.json")),
        before=before,
        after=after,
        glued_approx=_compile(q["glued_approx"]["pattern"] + r"$", "qualifiers.json"),
        masks=_compile(mask, "not_statistics.json"),
        range_from=_compile(r"(?<![^\W\d_])" + q["range"]["from"] + r"\s*$", "qualifiers.json"),
        range_to=_compile(r"\s*" + q["range"]["to"] + r"\s+(?=\d)", "qualifiers.json"),
    )


__all__ = ["StatisticsPatterns", "UnitPattern", "statistics_patterns", "load_json"]
