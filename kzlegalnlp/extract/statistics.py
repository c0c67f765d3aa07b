"""Statistics extractor: figures with value, unit, qualifier, year and subject.

``extract_statistics`` reads Kazakh, Russian and English figures::

    27 892 интернет-алаяқтық қылмысы        -> 27892, count
    29%-ды (96 354-тен)                     -> 29, percent, base 96354
    1,2 триллион сумнан асқан               -> 1.2e12, UZS, more_than
    5 күннен 30 күнге дейін                 -> 5..30, day, range
    от 800 тыс. до 2,4 млн тенге            -> 8e5..2.4e6, KZT, range

What is *not* a statistic (see ``patterns/not_statistics.json``): years, dates,
times and opening hours, article and law numbers, list numbering, bibliography and
page numbers, phone and service numbers ("8-701-123-45-67", "по номеру 112"),
identifiers (ИИН, case numbers, standards, versions), addresses, ordinals, quarters
and reporting periods ("за 9 месяцев 2024 года", "2024 жылдың 9 айында"). Ages
("60 жастан асқан", "от 18 до 24 лет") and spans counted in years ("5 лет") are
dropped too: in legal texts they describe a group or a sentence, not a measured
quantity. Durations in days, weeks, months and
hours are kept (units ``day``/``week``/``month``/``hour``) because reports give
them as measured delays ("5 күннен 30 күнге дейін"). The figure a share is
taken of, printed in brackets after it, becomes the share's ``base`` and no
statistic of its own. A figure that counts people, with a generic word ("адам",
"человек", "people") or a noun that says who ("азаматты", "граждан", "victims"),
has unit ``person``.

>>> [(s.value, s.unit, s.qualifier) for s in extract_statistics("6 мыңнан астам қылмыс ашылды")]
[(6000.0, 'count', 'more_than')]
>>> s = extract_statistics("үлесі 29%-ды (96 354-тен) құрайды")[0]
>>> s.value, s.unit, s.base, s.surface
(29.0, 'percent', 96354.0, '29%-ды (96 354-тен)')
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from ..records import Document, Paragraph, Piece, Statistic
from ..patterns.numbers import (AMBIGUOUS_COMMA_RE, MULTIPLIER_RE, NUMBER_RE, find_numbers,
                                multiplier, parse_number)
from ..patterns.articles import begin_chars
from ..patterns.statistics import StatisticsPatterns, statistics_patterns
from .stat_context import (share_of_ru, subject_after_kk, subject_after_ru,
                           subject_before_dash)
from .stat_tables import Cell, numeric_lines, split_lines, table_cells
from .stat_years import YearIndex

ABLATIVE = ("дан", "ден", "тан", "тен", "нан", "нен")
SPACE = " \u00a0\u2009\u202f\t\n\r"  # no U+2029: a figure never runs across paragraphs
DASH_RE = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?")
SUFFIX_RE = re.compile(r"[-–]?[^\W\d_]+")
BASE_RE = re.compile(
    r"\s*\(\s*(?:от|из|of|out\s+of)?\s*(?P<num>" + NUMBER_RE.pattern + r")"
    r"(?:\s*[-–]?(?:" + "|".join(ABLATIVE) + r"))?\s*\)",
    re.IGNORECASE,
)
LATIN_WORD_RE = re.compile(r"[A-Za-z]{3}")
GLUED_MULT_RE = re.compile(r"(k|m|mn|bn|b)(?![^\W\d_])", re.IGNORECASE)
GLUED_MULT = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
SYMBOLS = {"$": "USD", "€": "EUR", "₸": "KZT", "₽": "RUB", "%": "percent"}


@dataclass
class _Fig:
    """A figure being read: spans into the scanned text and what was found."""

    start: int
    end: int
    value: float
    unit: str | None = None
    qualifier: str = "exact"
    value_to: float | None = None
    base: float | None = None
    drop: bool = False
    mult: float | None = None
    last_word: str = ""
    numbers: list[int] = field(default_factory=list)


def _skip(text: str, pos: int, chars: str = SPACE) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _value(text: str, num: re.Match[str]) -> float:
    """The number's value; "3,400" is read as 3400 only in English context."""
    if "," in num.group() and AMBIGUOUS_COMMA_RE.fullmatch(num.group()):
        window = text[max(0, num.start() - 80):num.end() + 80]
        if not LATIN_WORD_RE.search(window):  # no English word near: decimal comma
            return parse_number(num.group())
        from ..corpus.lang import detect_lang

        return parse_number(num.group(), english=detect_lang(window) == "en")
    return parse_number(num.group())


def _read_single(text: str, num: re.Match[str], pats: StatisticsPatterns) -> _Fig:
    """Number, multiplier, glued suffix and unit starting at ``num``."""
    fig = _Fig(num.start(), num.end(), _value(text, num), last_word=num.group())
    pos = num.end()
    word = _skip(text, pos)  # (each skip and multiplier read once)
    m = _multiplier_at(text, word)
    mult = multiplier(m.group()) if m else None
    if mult is not None and word - pos <= 3:
        fig.mult = mult
        pos, fig.last_word = m.end(), m.group()
    elif text.startswith(("-", "–"), pos):
        m = SUFFIX_RE.match(text, pos)
        if m and len(m.group()) <= 6:
            pos, fig.last_word = m.end(), m.group()
    unit = pats.unit_at(text, pos, nouns=False)
    word = _skip(text, pos) if unit else pos
    if unit and unit[1] - word > 0 and word - pos <= 3:
        fig.unit, pos, fig.drop = unit[0], unit[1], unit[2]
        fig.last_word = text[pos - min(12, pos - num.end()):pos]
        m = _multiplier_at(text, _skip(text, pos))
        symbol = fig.mult is None and text[pos - 1] in SYMBOLS
        mult = multiplier(m.group()) if m and symbol else None
        if mult:
            fig.mult, pos = mult, m.end()  # "10,5$ трлн"
    elif fig.start and text[fig.start - 1] in SYMBOLS and text[fig.start - 1] != "%":
        fig.unit = SYMBOLS[text[fig.start - 1]]  # "$5 million", "€12"
        fig.start -= 1
        glued = GLUED_MULT_RE.match(text, pos)
        if glued and fig.mult is None:
            fig.mult, pos = GLUED_MULT[glued.group(1).lower()], glued.end()  # "$12m", "€1.2bn"
    fig.end = pos
    return fig


MULTIPLIER_BEGINS = begin_chars(MULTIPLIER_RE)  # the characters a multiplier word begins with


def _multiplier_at(text: str, pos: int) -> re.Match[str] | None:
    """``MULTIPLIER_RE.match(text, pos)``, tried only where a multiplier word can begin
    (most numbers are followed by no multiplier, and its alternation is long).

    >>> _multiplier_at("5 млн.", 2).group(), _multiplier_at("5 адам", 2)
    ('млн.', None)
    """
    if MULTIPLIER_BEGINS is not None and not MULTIPLIER_BEGINS.match(text, pos):
        return None
    return MULTIPLIER_RE.match(text, pos)


def _ablative(word: str) -> bool:
    return word.lower().rstrip(".").endswith(ABLATIVE)


def _try_range(text: str, fig: _Fig, nums: Sequence[re.Match[str]], j: int,
               pats: StatisticsPatterns, left: str) -> tuple[_Fig, int] | None:
    """Second half of a range starting after ``fig``; (merged figure, index after) or None.

    ``left`` is the text before the figure, where "от" / "from" opens a Russian or
    English range (looked for only when "до" / "to" joins the two numbers).
    """
    if j >= len(nums):
        return None
    nxt = nums[j]
    a, b = fig.end, nxt.start()  # the gap between the numbers, cut out only when needed
    kk = _ablative(fig.last_word) and not text[a:b].strip(SPACE)
    dash = fig.unit is None and fig.mult is None and DASH_RE.fullmatch(text, a, b) is not None
    if not (kk or dash or _joined_by_to(text, fig.end, nxt.start(), pats, left)):
        return None
    second = _read_single(text, nxt, pats)
    if kk:
        q = pats.qualifier_after(text, second.end, ablative=False)
        if not q or q[0] != "up_to":
            return None
        second.end = q[1]
    if dash and second.unit is None and second.mult is None and fig.value >= second.value:
        return None  # "205-206" of a list, or a score "3-1": no range of a quantity
    mult = fig.mult or second.mult or 1.0
    merged = replace(second, start=fig.start, value=fig.value * (fig.mult or mult),
                     value_to=second.value * (second.mult or 1.0), qualifier="range",
                     unit=second.unit or fig.unit, drop=second.drop or fig.drop)
    return merged, j + 1


def _joined_by_to(text: str, end: int, start: int, pats: StatisticsPatterns, left: str) -> bool:
    """True for "от X до Y": "до" / "to" between the numbers and "от" / "from" before
    the first (the cheap match after the number is tried first)."""
    to = pats.range_to.match(text, end)
    return to is not None and to.end() == start and pats.range_from.search(left) is not None


def _read_figure(text: str, nums: Sequence[re.Match[str]], i: int,
                 pats: StatisticsPatterns) -> tuple[_Fig, int]:
    """The figure starting at number ``i``; returns it and the index of the next number."""
    fig = _read_single(text, nums[i], pats)
    nxt = _compound(text, fig, nums, i + 1, pats)
    left = text[max(0, fig.start - 30):fig.start]
    ranged = _try_range(text, fig, nums, nxt, pats, left)
    if ranged:
        fig, nxt = ranged
        opener = pats.range_from.search(left)
        if opener:
            fig.start = opener.start() + fig.start - len(left)
    else:
        fig.value *= fig.mult or 1.0
    _read_after(text, fig, pats)
    if fig.unit is None and _shares_dropped_unit(text, fig.end, pats):
        fig.drop = True  # "21-29 және 30-39 жас": the first group's unit is printed later
    if fig.qualifier == "exact":
        before = pats.qualifier_before(left)
        if before and not (before[0] == "up_to" and _change_to(text, fig.start)):
            fig.qualifier = before[0]
            fig.start = before[1] + fig.start - len(left)
    base = BASE_RE.match(text, fig.end) if fig.unit == "percent" else None
    if base:
        fig.base = parse_number(base.group("num"))
        fig.end = base.end()
        while nxt < len(nums) and nums[nxt].start() < base.end():
            nxt += 1
    return fig, nxt


def _compound(text: str, fig: _Fig, nums: Sequence[re.Match[str]], j: int,
              pats: StatisticsPatterns) -> int:
    """Join "2 млрд 300 млн тенге" / "1 млн 200 тыс." into one figure; index after it."""
    if fig.mult is None or fig.unit is not None or j >= len(nums):
        return j
    if text[fig.end:nums[j].start()].strip(SPACE) or nums[j].start() - fig.end > 3:
        return j
    second = _read_single(text, nums[j], pats)
    if second.mult is None or second.mult >= fig.mult:
        return j
    fig.value = fig.value * fig.mult + second.value * second.mult
    fig.mult = 1.0  # the value is expanded; still no year ("2 000" grouped is none either)
    fig.end, fig.unit, fig.drop = second.end, second.unit, second.drop
    fig.last_word = second.last_word
    return j + 1


SHARED_UNIT_RE = re.compile(r"\s*(?:және|мен|бен|пен|и|или|немесе|and|or|to|,)\s*\d+(?:[.,]\d+)?"
                            r"(?:\s*[-–—]\s*\d+(?:[.,]\d+)?)?", re.IGNORECASE)


# A bare number right after a dropped figure (an age, a span of years), joined by
# "и (в)", "және", "or": "в 16 лет, и в 35", "18 жаста және 25".
AFTER_DROPPED_RE = re.compile(r"\s*,?\s*(?:и|или|және|немесе|мен|and|or)\s+(?:в|at|in)?\s*",
                              re.IGNORECASE)
WORD_AFTER_RE = re.compile(r"[ \u00a0]*[^\W\d_]")  # "35 дел": a noun of its own


def _shares_dropped_unit(text: str, pos: int, pats: StatisticsPatterns) -> bool:
    """True when "X and Y <unit>" follows and the unit is one of the dropped (ages, years)."""
    m = SHARED_UNIT_RE.match(text, pos)
    if not m:
        return False
    unit = pats.unit_at(text, m.end(), nouns=False)
    return bool(unit and unit[2])


def _change_to(text: str, start: int) -> bool:
    """True for "до" closing "с X до Y" (a change from X to Y, not an upper bound)."""
    window = text[max(0, start - 80):start]
    return re.search(r"(?<![^\W\d_])(?:с|со)\s+[-+]?\d", window, re.IGNORECASE) is not None


def _read_after(text: str, fig: _Fig, pats: StatisticsPatterns) -> None:
    """Kazakh postposition, glued "-дай" and noun units after the figure."""
    if fig.qualifier != "range":
        q = pats.qualifier_after(text, fig.end, _ablative(fig.last_word))
        if q:
            fig.qualifier, fig.end = q[0], q[1]
        elif pats.glued_approx.search(fig.last_word.lower()) and fig.last_word[:1].isalpha():
            fig.qualifier = "approx"
    if fig.unit is None:
        noun = pats.unit_at(text, fig.end, nouns=True)
        if noun and noun[0] in ("person", "dose"):
            fig.unit = noun[0]
        elif fig.qualifier != "exact":
            far = _far_noun(text, fig.end, pats)
            if far:
                fig.unit = far


NEXT_WORD_RE = re.compile(r"\s+[^\W\d_]+")


def _far_noun(text: str, pos: int, pats: StatisticsPatterns) -> str | None:
    """A 'noun_far' unit (dose) up to two words further: "астам бір реттік дозаға"."""
    for _ in range(2):
        m = NEXT_WORD_RE.match(text, pos)
        if not m:
            return None
        pos = m.end()
        unit = pats.unit_at(text, pos, nouns=True)
        if unit and unit[0] == "dose":
            return "dose"
    return None


def _masked_spans(text: str, nums: Sequence[re.Match[str]],
                  pats: StatisticsPatterns) -> tuple[list[int], list[int]]:
    """Spans of non-statistics, found by trying the masks at each number (in order)."""
    starts: list[int] = []
    ends: list[int] = []
    for m in nums:
        if ends and m.start() < ends[-1]:
            continue
        span = pats.masks.mask_at(text, m.start())
        if span:
            if ends and span[0] < ends[-1]:  # keep spans disjoint and sorted
                ends[-1] = max(ends[-1], span[1])
            else:
                starts.append(span[0])
                ends.append(span[1])
    return starts, ends


def _numbers(text: str) -> list[re.Match[str]]:
    """Numbers of the text; one glued to a preceding digit, point or comma is skipped."""
    out = []
    for m in find_numbers(text):
        s = m.start()
        if not (s > 1 and text[s - 1] in ".," and text[s - 2].isdigit()):
            out.append(m)
    return out


def _inside(pos: int, starts: list[int], ends: list[int]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    # mask spans come from one left-to-right finditer, so they never overlap
    return k >= 0 and pos < ends[k]


def _finite(fig: _Fig) -> bool:
    """A run of hundreds of digits overflows to infinity: no statistic."""
    return math.isfinite(fig.value) and (fig.value_to is None or math.isfinite(fig.value_to))


def _yearlike(v: float | None) -> bool:
    return v is not None and v == int(v) and 1800 <= v <= 2100


YEAR_G_RE = re.compile(r"(?<!\d)\d{4}\s*г$")
# "2025", "1949-2004", "from 2018 to 2021", "between 2018 and 2021", "от 2019 до 2023"
YEAR_SURFACE_RE = re.compile(r"(?:[^\W\d_]+\s+)?\d{4}(?:\s*(?:[-–—]|[^\W\d_]+)\s*\d{4})?")


def _is_year(fig: _Fig, surface: str) -> bool:
    """A bare 4-digit number 1800-2100 ("2025"), or a span of two ("1949-2004",
    "between 2018 and 2021"); "2024 г" is a year too, not grams."""
    if (fig.unit == "g" and YEAR_G_RE.search(surface) and _yearlike(fig.value)
            and (fig.value_to is None or _yearlike(fig.value_to))):
        return True  # "2024 г", "до 2030г", "2024-2026г"
    if fig.unit is not None or fig.mult is not None or not YEAR_SURFACE_RE.fullmatch(surface):
        return False  # "2 000" (grouped) or "2000 адам" is a count, never a year
    return _yearlike(fig.value) and (fig.value_to is None or _yearlike(fig.value_to))


# Words that only say "people": the subject is the word itself ("1 750 адам",
# "200 человек"); a noun that says who ("120 граждан", "2,300 victims") heads a phrase.
GENERIC_PERSON_RE = re.compile(r"\s*((?:адам|кісі|человек)[^\W\d_]*|чел\.|people|persons?|"
                               r"individuals?)(?![^\W\d_])", re.IGNORECASE)


# "13-і", "4 357-сі": a part of a whole named before ("109 зертхана, оның 13-і ...");
# the words after it are no counted noun, but a label after a dash is.
PART_SUFFIX_RE = re.compile(r"[-–](?:і|ы|сі|сы|ысы|есі)", re.IGNORECASE)
DASH_AFTER_RE = re.compile(r"\s*[–—-]\s*")
EN_OF_RE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?", re.IGNORECASE)


def _subject(text: str, fig: _Fig, lang: str) -> str | None:
    if PART_SUFFIX_RE.fullmatch(fig.last_word):
        dash = DASH_AFTER_RE.match(text, fig.end)
        return subject_after_kk(text, dash.end()) if dash else None
    if fig.unit == "person":
        m = GENERIC_PERSON_RE.match(text, fig.end)
        if m:
            return m.group(1)
    if lang == "en" and fig.unit in (None, "percent", "tonne", "kg", "g"):
        of = EN_OF_RE.match(text, fig.end)  # "40% of victims", "1.5 tonnes of heroin"
        if of:
            return subject_after_ru(text, of.end())
    if fig.unit in (None, "person", "dose", "tonne", "kg", "g"):
        after = subject_after_kk(text, fig.end) if lang == "kk" else subject_after_ru(text, fig.end)
        if after:
            return after
    if fig.unit == "percent" and lang == "ru":
        share = share_of_ru(text, fig.end)
        if share:
            return share
    return subject_before_dash(text, fig.start)


def scan(text: str, *, lines: Sequence[tuple[int, int]] | None = None, lang: str | None = None,
         ref_year: int | None = None,
         raw_lines: Sequence[str | None] | None = None) -> list[Statistic]:
    """Figures of ``text`` with offsets into it and ``line=None``.

    Args:
        text: Any string.
        lines: (start, end) of the printed lines, for table rows; by default the
            ``\\n``-separated lines of ``text``.
        lang: Language of the text; detected per sentence when None.
        ref_year: Year of the document's date, for "биыл" / "this year".
        raw_lines: With ``lines``, the printed source line of each, so a table row
            whose empty cells were collapsed by cleaning is still read by column.

    >>> [s.value for s in scan("Жыл сайын 2 мыңнан астам адам")]
    [2000.0]
    """
    return [Statistic(*values) for values in _scan_fields(text, lines, lang, ref_year, raw_lines)]


# The first fields of a Statistic, in order: surface, char_start, char_end, value,
# unit, qualifier, value_to, year, subject, base, article, lang. A document's scan
# adds its own offsets and line, so each record is built once (no dataclasses.replace).
_Fields = tuple[str, int, int, float, str, str, "float | None", "int | None", "str | None",
                "float | None", "str | None", str]


def _scan_fields(text: str, lines: Sequence[tuple[int, int]] | None, lang: str | None,
                 ref_year: int | None, raw_lines: Sequence[str | None] | None) -> list[_Fields]:
    """The figures of ``text`` as the field values of their statistics (see :func:`scan`)."""
    pats = statistics_patterns()
    all_nums = _numbers(text)
    starts, ends = _masked_spans(text, all_nums, pats)
    # plain text: only lines ending in a number can be table rows or headers
    cells = (table_cells(text, lines, raw_lines) if lines is not None
             else table_cells(text, numeric_lines(text)))
    # a row starting inside a mask is a phone number, a date list...: no table row
    cells = [c for c in cells if not _inside(c.row, starts, ends) and math.isfinite(c.value)]
    cell_starts = [c.start for c in cells]
    cell_ends = [c.end for c in cells]
    nums = [m for m in all_nums
            if not _inside(m.start(), cell_starts, cell_ends)
            and not _inside(m.end() - 1, cell_starts, cell_ends)] if cells else all_nums
    figs: list[Any] = list(cells)
    i, dropped_end = 0, -1
    while i < len(nums):
        m = nums[i]
        if _inside(m.start(), starts, ends):
            i += 1
            continue
        fig, nxt = _read_figure(text, nums, i, pats)
        fig.numbers = [nums[k].start() for k in range(i, nxt)]
        i = nxt
        if (fig.unit is None and fig.mult is None and not WORD_AFTER_RE.match(text, fig.end)
                and AFTER_DROPPED_RE.fullmatch(text, dropped_end, fig.start)):
            fig.drop = True  # "в 16 лет, и в 35": the unit of the figure before holds
        if fig.drop:
            dropped_end = fig.end
        elif not (_is_year(fig, text[fig.start:fig.end]) or not _finite(fig)):
            figs.append(fig)
    figs.extend(_bare_multipliers(text, pats, all_nums, starts, ends))
    figs.sort(key=lambda f: f.start)
    # numbers read as figures are no year mentions
    taken = {n for f in figs if isinstance(f, _Fig) for n in f.numbers} | set(cell_starts)
    years = YearIndex(text, ref_year, taken, [m.span() for m in all_nums])
    langs = _LangCache(text, lang)
    return [
        _statistic_fields(text, f, langs(f.start), years) if isinstance(f, _Fig)
        else _cell_fields(text, f, langs(f.start))
        for f in figs
    ]


BARE_STEMS = ("мың", "тысяч", "миллион", "миллиард", "триллион", "thousand", "million", "billion")
BARE_WORD_RE = re.compile(r"[^\W\d_]+")
VAGUE_PLURAL = ("даған", "деген", "таған", "теген")  # "мыңдаған" = "thousands of"


def _bare_words(text: str) -> list[re.Match[str]]:
    """Multiplier words of the text (found with ``str.find``, which is fast).

    The lower-cased text must keep every offset: a character whose lower case is longer
    ("İ" -> "i̇") stays as printed (no multiplier stem holds one).

    >>> [m.group() for m in _bare_words("İİ мыңға жуық")]
    ['мыңға']
    """
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    out = []
    for stem in BARE_STEMS:
        i = low.find(stem)
        while i >= 0:
            if not (i and (low[i - 1].isalpha())):
                m = BARE_WORD_RE.match(text, i)
                if m and not m.group().lower().endswith(VAGUE_PLURAL):
                    out.append(m)
            i = low.find(stem, i + 1)
    return out


def _bare_multipliers(text: str, pats: StatisticsPatterns, nums: Sequence[re.Match[str]],
                      starts: list[int], ends: list[int]) -> list[_Fig]:
    """A multiplier word without a number but with a qualifier: "шамамен мыңға жуық" = ~1000.

    Plural-like "мыңдаған" ("thousands of") is vague and skipped.
    """
    out = []
    num_ends = {m.end() for m in nums}
    for m in _bare_words(text):
        lo = max(0, m.start() - 4)
        before_num = text[lo:m.start()].rstrip(SPACE)
        if m.start() - lo - len(before_num) <= 3 and lo + len(before_num) in num_ends:
            continue  # "6 мыңнан": read with its number
        if _inside(m.start(), starts, ends):
            continue
        fig = _Fig(m.start(), m.end(), multiplier(m.group()) or 1000.0, last_word=m.group())
        _read_after(text, fig, pats)
        left = text[max(0, m.start() - 30):m.start()]
        before = pats.qualifier_before(left)
        if before and fig.qualifier == "exact":
            fig.qualifier = before[0]
        if before:
            fig.start = before[1] + m.start() - len(left)
        if fig.qualifier != "exact":
            out.append(fig)
    return out


class _LangCache:
    """Language around an offset: the given one, or detected once per 256-char window."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.text, self.lang, self.cache = text, lang, {}

    def __call__(self, pos: int) -> str:
        if self.lang:
            return self.lang
        k = pos // 256
        if k not in self.cache:
            from ..corpus.lang import detect_lang

            self.cache[k] = detect_lang(self.text[max(0, k * 256 - 128):k * 256 + 384])
        return self.cache[k]


LEGAL_ENTITY_RE = re.compile(r"заңды\s+тұлға|юридическ\w*\s+лиц|legal\s+(?:entit|person)",
                             re.IGNORECASE)  # companies, not people


def _count_unit(text: str, fig: _Fig, subject: str | None) -> str:
    """A count whose noun phrase after it ends in a person noun counts people: "23
    должностных лица", "120 пострадавших граждан", "45 police officers". (A label
    before a dash is left alone: "преступления против несовершеннолетних – 120".)"""
    if (subject and subject in text[fig.end:fig.end + len(subject) + 24]
            and not LEGAL_ENTITY_RE.search(subject)):
        head = subject.rsplit(" ", 1)[-1]
        unit = statistics_patterns().unit_at(head, 0, nouns=True)
        if unit and unit[0] == "person" and unit[1] == len(head):
            return "person"
    return "count"


def _statistic_fields(text: str, fig: _Fig, lang: str, years: YearIndex) -> _Fields:
    subject = _subject(text, fig, lang)
    return (text[fig.start:fig.end], fig.start, fig.end, fig.value,
            fig.unit or _count_unit(text, fig, subject), fig.qualifier, fig.value_to,
            years.year_for(fig.start), subject, fig.base, None, lang)


def _cell_fields(text: str, cell: Cell, lang: str) -> _Fields:
    return (text[cell.start:cell.end], cell.start, cell.end, cell.value, cell.unit, "exact",
            None, cell.year, None, None, cell.article, lang)


def paragraph_lines(paragraph: Paragraph) -> list[tuple[int, int]]:
    """(start, end) in ``paragraph.text`` of each printed source line it was built from.

    >>> from kzlegalnlp.records import Piece
    >>> p = Paragraph("ab cd", 0, 6, 1, 2, "en", 0, (Piece(0, 0, 2, 1), Piece(2, 2, 1, 1),
    ...                                              Piece(3, 4, 2, 2)))
    >>> paragraph_lines(p)
    [(0, 3), (3, 5)]
    """
    if not paragraph.pieces:
        return split_lines(paragraph.text)
    lines: list[tuple[int, int]] = []
    _add_piece_lines(paragraph.pieces, len(paragraph.text), 0, lines)
    return lines




def _add_piece_lines(pieces: Sequence[Piece], length: int, offset: int,
                     lines: list[tuple[int, int]]) -> None:
    """Append (start, end), shifted by ``offset``, of each printed line of a paragraph of
    ``length`` characters to ``lines``: a line starts at each piece whose source line
    differs from the piece before (appended to the caller's list: a document has thousands)."""
    line, start = pieces[0].line, offset
    for piece in pieces:
        if piece.line != line:
            line = piece.line
            lines.append((start, offset + piece.clean))
            start = offset + piece.clean
    lines.append((start, offset + length))


def _year_of_date(date: str | None) -> int | None:
    m = re.match(r"\s*(\d{4})", date or "")
    return int(m.group(1)) if m else None


PARAGRAPH_JOIN = "\u2029"  # a paragraph separator: a sentence end, and a table line break


def _title_statistics(doc: Document, source_text: str) -> list[Statistic]:
    """Figures of a printed title, located in the source text ("Былтыр 6 мыңнан астам ...")."""
    if doc.title_derived or not doc.title:
        return []
    pos = source_text.find(doc.title, doc.char_start, doc.char_end)
    if pos < 0:
        return []
    return [
        replace(s, char_start=pos + s.char_start, char_end=pos + s.char_end,
                line=source_text.count("\n", 0, pos + s.char_start) + 1, lang=doc.lang,
                doc_id=doc.doc_id, source=doc.source)
        for s in scan(doc.title, ref_year=_year_of_date(doc.date))
    ]


def _printed(p: Paragraph, start: int, end: int, source_text: str | None) -> str | None:
    """The source text of the cleaned line ``p.text[start:end]`` (doubled spaces kept)."""
    if source_text is None or not p.pieces or end <= start:
        return None
    a, b = p.to_source_span(start, end)
    return source_text[a:b]


def _from_document(doc: Document, source_text: str | None = None) -> list[Statistic]:
    """Scan a document's paragraphs as one text, so a table split over paragraphs
    (header in one, rows in the next) is still read as one table."""
    paras = doc.paragraphs
    starts, lines, pos = [], [], 0
    # the printed source line of each line, to read table columns (with the source only)
    raw_lines: list[str | None] | None = None if source_text is None else []
    for p in paras:
        starts.append(pos)
        first = len(lines)
        if p.pieces:
            _add_piece_lines(p.pieces, len(p.text), pos, lines)
        else:
            lines.extend((pos + s, pos + e) for s, e in split_lines(p.text))
        if raw_lines is not None:
            raw_lines.extend(_printed(p, s - pos, e - pos, source_text) for s, e in lines[first:])
        pos += len(p.text) + len(PARAGRAPH_JOIN)
    joined = PARAGRAPH_JOIN.join(p.text for p in paras)
    out = _title_statistics(doc, source_text) if source_text is not None else []
    langs = {p.lang for p in paras}
    lang = langs.pop() if len(langs) == 1 and None not in langs else None  # else per window
    maps: dict[int, _SourceMap] = {}
    for values in _scan_fields(joined, lines, lang or None, _year_of_date(doc.date), raw_lines):
        k = bisect.bisect_right(starts, values[1]) - 1
        p, base = paras[k], starts[k]
        cs, ce = values[1] - base, min(values[2] - base, len(p.text))
        if p.pieces:
            if k not in maps:
                maps[k] = _SourceMap(p.pieces)
            start, end, line = maps[k].span(cs, ce)
        else:
            start, end, line = p.char_start + cs, p.char_start + ce, None
        out.append(Statistic(values[0], start, end, *values[3:11], p.lang or values[11], line,
                             doc.doc_id, doc.source))
    return out


class _SourceMap:
    """A paragraph's offset map, its piece starts listed once for all its figures
    (the same rule as ``Paragraph.to_source_span`` and ``Paragraph.line_at``)."""

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self.pieces = pieces
        self.starts = [piece.clean for piece in pieces]

    def _at(self, i: int) -> Piece:
        return self.pieces[max(bisect.bisect_right(self.starts, i) - 1, 0)]

    def _source(self, i: int) -> int:
        piece = self._at(i)
        return piece.source + min(i - piece.clean, piece.length - 1)

    def span(self, start: int, end: int) -> tuple[int, int, int]:
        """Source (start, end) of the cleaned span ``text[start:end]`` and the line of ``start``."""
        a = self._source(start)
        return a, (a if end <= start else self._source(end - 1) + 1), self._at(start).line


def extract_statistics(text_or_document: str | Document, *, ref_year: int | None = None,
                       source_text: str | None = None) -> list[Statistic]:
    """Every figure of a text or a document, in reading order.

    Args:
        text_or_document: A plain string (offsets into it, ``line=None``) or a
            :class:`~kzlegalnlp.records.Document` (offsets into its source file,
            ``line`` set, the document's date used for "биыл" / "this year").
        ref_year: For strings, the year "биыл" / "в этом году" refers to.
        source_text: For documents, the decoded source file
            (``Corpus.source_text(doc)``); with it the figures of a printed
            title are found too (a title has no offset map of its own).

    Returns:
        A list of :class:`~kzlegalnlp.records.Statistic`.

    Raises:
        TypeError: For anything but a ``str`` or a ``Document``.

    >>> [(s.value, s.value_to, s.unit) for s in extract_statistics("от 3 до 5 тысяч тонн")]
    [(3000.0, 5000.0, 'tonne')]
    >>> extract_statistics("Биыл 46 мыңнан астам киберқылмыс анықталды.", ref_year=2025)[0].year
    2025
    """
    if isinstance(text_or_document, Document):
        return _from_document(text_or_document, source_text)
    if isinstance(text_or_document, str):
        return scan(text_or_document, ref_year=ref_year)
    raise TypeError(
        f"extract_statistics() takes a str or a Document, not {type(text_or_document).__name__}"
    )


__all__ = ["extract_statistics", "scan", "paragraph_lines"]
