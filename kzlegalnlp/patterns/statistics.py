"""Compiled statistics patterns, read once from the JSON data beside this module.

The data files are the single source of truth; each entry carries examples that
``tests/test_statistics_patterns.py`` checks both ways:

* ``units.json`` -- units after a number (``%-ды``, ``теңгеден``, ``тоннаға``...);
* ``qualifiers.json`` -- words before (``более``, ``шамамен``) and Kazakh
  postpositions after (``астам``, ``жуық``, ``дейін``) a figure;
* ``not_statistics.json`` -- numbers that are no statistics (articles, dates,
  times, pages, law numbers...), tried only where a number starts.

>>> p = statistics_patterns()
>>> p.unit_at("%-ға жуық", 0)[:2]
('percent', 4)
>>> p.qualifier_before("примерно ")
('approx', 0)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import AnnotationError
from .articles import begin_chars

from re import _parser  # to read whether a pattern can match empty

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
    """One unit entry: the unit name, how it attaches and its compiled regex.

    >>> u = next(u for u in statistics_patterns().units if u.unit == "percent")
    >>> u.unit, bool(u.regex.match("%-ды"))
    ('percent', True)
    """

    unit: str
    kind: str
    drop: bool
    regex: re.Pattern[str]


@dataclass(frozen=True)
class StatisticsPatterns:
    """All compiled patterns of the statistics extractor.

    >>> p = statistics_patterns()
    >>> p.unit_at(" теңгеден астам", 0)[0], p.qualifier_after(" астам", 0, ablative=True)[0]
    ('KZT', 'more_than')
    """

    units: tuple[UnitPattern, ...]
    before: re.Pattern[str]
    before_names: tuple[str, ...]
    after: tuple[tuple[str, bool, re.Pattern[str]], ...]
    glued_approx: re.Pattern[str]
    masks: "MaskSet"
    range_from: re.Pattern[str]
    range_to: re.Pattern[str]
    unit_any_at: "FirstCharAlternation"
    before_starts: re.Pattern[str] | None  # where a match of ``before`` can start
    # ``after`` as one alternation (group k: name k - 1), without / with the ablative entries
    after_any: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    unit_words_at: "FirstCharAlternation"

    def unit_at(self, text: str, pos: int, *, nouns: bool = True) -> tuple[str, int, bool] | None:
        """Unit printed at ``text[pos:]`` after optional spaces: (unit, end, drop) or None."""
        start = pos
        while start < len(text) and text[start] in " \u00a0\u2009\u202f\t":
            start += 1
        if start == len(text):
            return None  # only an empty match is left, and that is no unit
        # one alternation: the first entry that matches wins (of those that can begin here)
        regex, entries = (self.unit_any_at if nouns else self.unit_words_at).at(text[start])
        m = regex.match(text, start) if regex is not None else None
        if m and m.end() > start:
            entry = entries[m.lastindex - 1]
            return entry.unit, m.end(), entry.drop
        return None

    def qualifier_before(self, left: str) -> tuple[str, int] | None:
        """Qualifier ending ``left`` (the text before a number): (qualifier, its start)."""
        m = _search_at(self.before, self.before_starts, left)  # leftmost wins: "не более"
        return (self.before_names[m.lastindex - 1], m.start()) if m else None

    def qualifier_after(self, text: str, pos: int, ablative: bool) -> tuple[str, int] | None:
        """Kazakh postposition at ``text[pos:]`` after spaces: (qualifier, end) or None."""
        regex, names = self.after_any[ablative]  # the entries in order: the first match wins
        m = regex.match(text, pos)
        return (names[m.lastindex - 1], m.end()) if m else None


_TOKEN_REST = re.compile(r"\S{0,200}")


@dataclass(frozen=True)
class MaskSet:
    """The non-statistics of ``not_statistics.json``, tried only where a number starts.

    >>> m = statistics_patterns().masks
    >>> t = "ст. 190 и 191 гласит"
    >>> m.mask_at(t, 4)
    (0, 13)
    >>> m.mask_at("үлесі 29%", 6) is None
    True
    """

    at_number: re.Pattern[str] | None
    line_start: re.Pattern[str] | None
    before: re.Pattern[str] | None
    extend: tuple[re.Pattern[str], ...]
    brackets: bool
    tokens: re.Pattern[str] | None
    # prefix found before a number, per short window of text (see _prefix)
    prefixes: dict[tuple[bool, str], tuple[int, int] | None] = field(
        default_factory=dict, repr=False, compare=False)

    def mask_at(self, text: str, s: int) -> tuple[int, int] | None:
        """(start, end) of a non-statistic covering the number that starts at ``s``, or None."""
        if self.at_number is not None:
            m = self.at_number.match(text, s)
            if m:
                return s, m.end()
        if self.line_start is not None and _opens_line(text, s):
            m = self.line_start.match(text, s)
            if m:
                return s, m.end()
        gap = text[max(0, s - 6):s]
        j = s - len(gap) + len(gap.rstrip())  # up to 6 spaces back
        k = _token_start(text, j, 24)  # prefixes are one short word: search only it
        p = self._prefix(text, k, s) if self.before is not None else None
        if p:  # one search for all prefixes; group k names the prefix, extend[k] its number
            m = self.extend[p[1] - 1].match(text, s)
            if m:
                return p[0], m.end()
        if self.brackets:
            i = text.rfind("[", max(0, s - 160), s)
            if i >= 0 and text.find("]", i, s) < 0:
                j = text.find("]", s, s + 160)
                if j >= 0 and text.find("[", s, j) < 0:
                    return i, j + 1
        if self.tokens is not None:
            k = _token_start(text, s, 200)
            if k < s and self.tokens.search(text, k, s):
                return k, _TOKEN_REST.match(text, s).end()
        return None

    def _prefix(self, text: str, k: int, s: int) -> tuple[int, int] | None:
        """(start, group) of the prefix search of ``before`` in ``text[k:s]``, or None.

        The window is the word before a number ("ст.", "№", "бойынша"), and the
        search sees nothing past ``s`` and only one character before ``k`` (the
        prefixes' only look-behind is :data:`WORD_START`), so the answer is kept per
        window: vocabulary, not text.
        """
        window = text[k - 1:s] if k else text[:s]
        key = (k > 0, window)
        if key not in self.prefixes:
            if len(self.prefixes) >= PREFIX_CACHE_SIZE:
                self.prefixes.clear()
            p = self.before.search(window, 1 if k else 0)  # type: ignore[union-attr]
            self.prefixes[key] = (p.start() - (1 if k else 0), p.lastindex) if p else None
        found = self.prefixes[key]
        return (k + found[0], found[1]) if found else None


PREFIX_CACHE_SIZE = 20000  # distinct windows kept; the cache is emptied when full


def _token_start(text: str, end: int, limit: int) -> int:
    """Start of the run of non-space characters ending at ``end`` (at most ``limit`` long).

    ``str.rsplit()`` splits at the characters ``str.isspace`` accepts, in C.

    >>> _token_start("ст.190", 6, 24), _token_start("ст. 190", 4, 24), _token_start("ab", 2, 1)
    (0, 4, 1)
    """
    if end <= 0 or limit <= 0 or text[end - 1].isspace():
        return end  # (most numbers follow a space: no window to cut)
    window = text[max(0, end - limit):end]
    return end - len(window.rsplit(None, 1)[-1])


def _opens_line(text: str, s: int) -> bool:
    """True when only spaces and tabs (19 at most) stand between a line start and ``s``.

    >>> _opens_line("a\\n  1", 4), _opens_line("a 1", 2), _opens_line(" " * 19 + "1", 19)
    (True, False, True)
    """
    if s and text[s - 1] not in " \t":  # (most numbers: no strip needed)
        return text[s - 1] in "\n\r\u2029"
    before = text[max(0, s - 19):s]
    rest = before.rstrip(" \t")
    if rest:
        return rest[-1] in "\n\r\u2029"
    return s <= 19 or text[s - 20] in "\n\r\u2029"


WORD_START = r"(?<![^\W\d_])"


def _mask_set(entries: list[dict[str, Any]]) -> MaskSet:
    def group(anchor: str) -> re.Pattern[str] | None:
        pats = [e["pattern"] for e in entries if e["anchor"] == anchor]
        return _compile("|".join(f"(?:{p})" for p in pats), "not_statistics.json") if pats else None

    prefixed = [e for e in entries if e["anchor"] == "before_number"]
    # Prefixes that start a word share one look-behind, checked once per position
    # (inside a word the whole group then fails at once); group k is prefix order[k-1].
    word = [e for e in prefixed if e["pattern"].startswith(WORD_START)]
    order = word + [e for e in prefixed if not e["pattern"].startswith(WORD_START)]

    def alt(e: dict[str, Any]) -> str:
        pattern = e["pattern"][len(WORD_START):] if e in word else e["pattern"]
        return f"({pattern}" + (r"\s*$)" if e.get("space", True) else "$)")

    parts = ([WORD_START + "(?:" + "|".join(alt(e) for e in word) + ")"] if word else []) + [
        alt(e) for e in order[len(word):]]
    before = _compile("|".join(parts), "not_statistics.json") if prefixed else None
    extend = tuple(_compile(e["extend"], f"not_statistics.json {e['name']}") for e in order)
    known = {"at_number", "line_start", "before_number", "brackets", "token"}
    bad = [e["name"] for e in entries if e["anchor"] not in known]
    if bad:
        raise AnnotationError(f"not_statistics.json: unknown anchor in {', '.join(bad)}")
    return MaskSet(group("at_number"), group("line_start"), before, extend,
                   any(e["anchor"] == "brackets" for e in entries), group("token"))


def _alternation(units: tuple[UnitPattern, ...]) -> tuple[re.Pattern[str], tuple[UnitPattern, ...]]:
    """All unit patterns as one regex; group k (1-based) is entry k - 1."""
    return _compile("|".join(f"({u.regex.pattern})" for u in units), "units.json"), units


class FirstCharAlternation:
    """The unit alternation matched at one position, cut down to the entries that can
    begin with the character there (and those that can match empty): an entry that
    cannot begin with it fails there, so the first entry that matches is the same, and
    the regex engine no longer tries every entry at every unit position.

    Kept per character (vocabulary, bounded): (regex or None, its entries; group k is
    entry k - 1).

    >>> units = statistics_patterns().units
    >>> regex, entries = FirstCharAlternation(units).at("%")
    >>> [e.unit for e in entries], regex.match("%-ды").lastindex
    (['percent'], 1)
    >>> FirstCharAlternation(units).at(",")
    (None, ())
    """

    def __init__(self, entries: tuple[UnitPattern, ...],
                 begins: dict[UnitPattern, re.Pattern[str] | None] | None = None) -> None:
        """``begins``: :func:`_entry_begins` of the entries, when already read (reading
        them scans the Basic Multilingual Plane once per entry)."""
        self.entries = entries
        begins = begins if begins is not None else _entry_begins(entries)
        self.begins = [begins[e] for e in entries]
        self.by_char: dict[str, tuple[re.Pattern[str] | None, tuple[UnitPattern, ...]]] = {}
        self.by_subset: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def at(self, char: str) -> tuple[re.Pattern[str] | None, tuple[UnitPattern, ...]]:
        """(regex of the entries that can begin with ``char``, those entries)."""
        found = self.by_char.get(char)
        if found is None:
            subset = tuple(i for i, b in enumerate(self.begins) if b is None or b.match(char))
            if subset not in self.by_subset:
                self.by_subset[subset] = (_alternation(tuple(self.entries[i] for i in subset))[0]
                                          if subset else None)
            if len(self.by_char) >= FIRST_CHAR_CACHE_SIZE:
                self.by_char.clear()
            found = self.by_char[char] = (self.by_subset[subset],
                                          tuple(self.entries[i] for i in subset))
        return found


def _starts(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """Where a match of ``regex`` (which opens with :data:`WORD_START`) can start: at a
    word start before one of its first characters (zero-width, so every such place
    is found); None when any character may begin a match or the match may be empty."""
    begins = begin_chars(regex)
    if begins is None or _nullable(regex) or not regex.pattern.startswith(WORD_START):
        return None
    return re.compile(WORD_START + "(?=" + begins.pattern + ")", regex.flags & re.ASCII)


def _search_at(regex: re.Pattern[str], starts: re.Pattern[str] | None,
               text: str) -> re.Match[str] | None:
    """``regex.search(text)``, trying ``regex`` only where ``starts`` finds a place (the
    same places in the same order, less those where it must fail).

    >>> p = statistics_patterns()
    >>> _search_at(p.before, p.before_starts, "ал не более ").span()
    (3, 12)
    """
    if starts is None:
        return regex.search(text)
    for c in starts.finditer(text):
        m = regex.match(text, c.start())
        if m:
            return m
    return None


def _entry_begins(entries: tuple[UnitPattern, ...]) -> dict[UnitPattern, re.Pattern[str] | None]:
    """The characters each entry can begin with (None: any, or it may match empty)."""
    return {e: None if _nullable(e.regex) else begin_chars(e.regex) for e in entries}


FIRST_CHAR_CACHE_SIZE = 4096  # distinct characters kept; the cache is emptied when full


def _nullable(regex: re.Pattern[str]) -> bool:
    """True when ``regex`` may match the empty string (or when that cannot be read)."""
    try:
        return _parser.parse(regex.pattern, regex.flags).getwidth()[0] == 0
    except (re.error, AttributeError, TypeError):  # a parser that cannot tell: assume it may
        return True


def _after_alternation(after: tuple[tuple[str, bool, re.Pattern[str]], ...], ablative: bool
                       ) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The postpositions usable after an ablative number or not, as one regex (tried in
    one call instead of one per entry); group k is the entry named k - 1."""
    kept = [(name, regex) for name, needs, regex in after if ablative or not needs]
    joined = _compile("|".join(f"({regex.pattern})" for _, regex in kept), "qualifiers.json")
    if joined.groups != len(kept):
        raise AnnotationError("qualifiers.json: an 'after' pattern holds a capturing group")
    return joined, tuple(name for name, _ in kept)


def _units(data: dict[str, Any]) -> tuple[UnitPattern, ...]:
    out = []
    for i, e in enumerate(data["units"]):
        out.append(UnitPattern(e["unit"], e.get("kind", "word"), bool(e.get("drop")),
                               _compile(e["pattern"], f"units.json entry {i}")))
    return tuple(out)


@lru_cache(maxsize=1)
def statistics_patterns() -> StatisticsPatterns:
    """The compiled patterns (built once per process).

    >>> statistics_patterns().masks.mask_at("№ 324", 2)
    (0, 5)
    """
    q = load_json("qualifiers.json")
    masks = load_json("not_statistics.json")["masks"]
    # one look-behind for all qualifiers, checked once per position (inside a word
    # the whole search step then fails at once); group k is still qualifier k - 1
    before = _compile(WORD_START + "(?:" + "|".join("(" + e["pattern"] + r")\s*$" for e in q["before"])
                      + ")", "qualifiers.json")
    after = tuple(
        (e["qualifier"], bool(e.get("needs_ablative")),
         _compile(r"\s*" + e["pattern"] + r"(?![^\W\d_])", "qualifiers.json"))
        for e in q["after"]
    )
    units = _units(load_json("units.json"))
    begins = _entry_begins(units)  # read once for both unit alternations
    return StatisticsPatterns(
        units=units,
        before=before,
        before_names=tuple(e["qualifier"] for e in q["before"]),
        after=after,
        glued_approx=_compile(q["glued_approx"]["pattern"] + r"$", "qualifiers.json"),
        masks=_mask_set(masks),
        range_from=_compile(r"(?<![^\W\d_])" + q["range"]["from"] + r"\s*$", "qualifiers.json"),
        range_to=_compile(r"\s*" + q["range"]["to"] + r"\s+(?=\d)", "qualifiers.json"),
        unit_any_at=FirstCharAlternation(units, begins),
        unit_words_at=FirstCharAlternation(tuple(u for u in units if u.kind != "noun"), begins),
        before_starts=_starts(before),
        after_any=tuple(_after_alternation(after, ablative) for ablative in (False, True)),
    )


__all__ = ["StatisticsPatterns", "UnitPattern", "MaskSet", "FirstCharAlternation", "statistics_patterns", "load_json"]
