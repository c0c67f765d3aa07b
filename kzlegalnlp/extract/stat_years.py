"""The year a figure refers to, read from the sentence, the paragraph and the report.

Rules, tried in order for a figure:

1. a year printed in the figure's sentence: the nearest before it, else the
   nearest after it ("2025 жылы", "в 2019 году", "by 2025"); a span of years
   ("2018-2021", "2018 жылдан 2021 жылға дейін", "с 2020 года по июнь 2024 года",
   "between 2018 and 2021", "2018 және 2021 жылдардағы") gives ``None``; a year
   the figure is compared with ("чем в 2022 году", "2023 жылмен салыстырғанда",
   "compared with 2022", "өткен жылмен салыстырғанда") is no year of the figure,
   and "since 2021" / "2019 жылдан бері" opens a span (``None``, unless a relative
   word of rule 3 says the year: "since 2021 ... reaching 312 last year");
2. a sentence about a span or a habit gives ``None``: "жыл сайын", "соңғы 5
   жылда", "6 жылда", "ежегодно", "за последние годы", "every year", "annually";
3. a relative word: "биыл", "жыл басынан", "в этом году", "this year" -> the
   document's year; "былтыр", "в прошлом году", "last year" -> the year before;
4. the year of the report: the years of earlier sentences *that hold a figure*
   carry on, first those of the figure's own paragraph, else those of the
   nearest earlier paragraph that has one (a news report on "2025 жылы" keeps
   that year for its later paragraphs). Several different years there give
   ``None``; a sentence with a figure and a span or a relative word (rules 2-3)
   counts as such a year. A year in a sentence without a figure (a law's date,
   a plan "на 2026-2028 годы"), a deadline ("к 2025 году", "2030 жылға дейін",
   "by 2030"), a year after the document's year (a forecast) and the year of a
   background sentence ("Еске салайық, 2023 жылы ...", "Напомним, ...") never carry.

>>> idx = YearIndex("В 2020 году около 70%. Рост 5%.", 2024, taken={18, 28})
>>> idx.year_for(18), idx.year_for(28)
(2020, 2020)
>>> YearIndex("Жыл сайын 2 мыңнан астам адам қаза табады.", 2025, {10}).year_for(10) is None
True
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..patterns.numbers import NUMBER_PATTERN

NUMBER_SPAN_RE = re.compile(NUMBER_PATTERN)
WINDOW = 600  # characters looked at on each side of a figure for its sentence
# A year carries over paragraphs for about one news report: a long plain string may
# hold several texts, and a year named far back no longer frames the figure.
CARRY_LIMIT = 5000
CHUNK = 2048  # sentence ends are looked for chunk by chunk, each chunk once
# sentence ends: a stop before a word, a line opening a dashed item, and U+2029,
# which joins the paragraphs of a document (see statistics.py). Two patterns, each
# starting with one character set, scan faster than their alternation.
# a stop before a lowercase word ends an abbreviation ("3 п.п. в 2024 году", "тыс. тенге"), no sentence
STOP_END_RE = re.compile(r"[.!?;](?=\s+(?![a-zа-яёәғқңөұүһіӊ])[^\s\d])")
BREAK_END_RE = re.compile(r"\n[ \t]*(?=[-–—•])|\u2029")
PARAGRAPH_ENDS = "\n\u2029"
# The first character of each sentence end, and the pattern that reads it.
END_STARTS = ((".", STOP_END_RE), ("!", STOP_END_RE), ("?", STOP_END_RE), (";", STOP_END_RE),
              ("\n", BREAK_END_RE), ("\u2029", BREAK_END_RE))
MONTHS = (r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
          r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|"
          r"желтоқсан|january|february|march|april|may|june|july|august|september|october|"
          r"november|december)[^\W\d_]*")
# A part of the year standing before the second year of a span ("с 2020 и первое полугодие 2024 г.")
PART_OF_YEAR = (r"(?:(?:перв|втор|трет|1|2|3|I{1,3})[^\W\d_]*\s+|(?:\d\s+)?)"
                r"(?:полугоди|квартал|месяц|тоқсан|ай|half|quarter|month)[^\W\d_]*")
# What may stand between the two years of a span: "2018-2021", "2020 года по
# июнь 2024", "2018 жылдан 2021", "2018 and 2021", "2018 және 2021".
YEAR_LINK_RE = re.compile(
    r"\s*(?P<noun>(?:гг?\.|год[^\W\d_]*|жыл(?:дан|ынан)|years?)\s*)?"
    r"(?P<link>[-–—]|по|до|to|and|through|until|till|и|или|or|және|мен|,)?\s*"
    r"(?:" + MONTHS + r"\s+|" + PART_OF_YEAR + r"\s+)?",
    re.IGNORECASE,
)
# A deadline: the year is when something should be reached, not when it was counted.
DEADLINE_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:к|до|by|until|till)\s+$", re.IGNORECASE)
DEADLINE_AFTER_RE = re.compile(r"\s*жыл(?:ға|ына)\s+(?:дейін|шейін)", re.IGNORECASE)
# A year a figure is compared with ("на 12% больше, чем в 2022 году") is its base,
# not its year: such a mention binds no figure and never carries.
COMPARED_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:чем|по\s+сравнению\s+с|в\s+сравнении\s+с|относительно|против|"
    r"compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:(?:в|за|in)\s+)?$", re.IGNORECASE)
COMPARED_AFTER_RE = re.compile(
    r"\s*(?:жыл(?:мен|ға|дың\s+[^\W\d_]+\s+кезеңімен)\s+(?:салыстырғанда|қарағанда)|"
    r"жылғы\s+(?:көрсеткіш|деңгей)[^\W\d_]*(?:\s+(?:салыстырғанда|қарағанда))?)",
    re.IGNORECASE)
# Relative years, matched on lower-cased text; the anchors are a cheap pre-check.
RELATIVE_YEAR = (
    (re.compile(r"(?<![^\W\d_])(?:биыл\w*|ағымдағы\s+жыл\w*|жыл\s+басынан|жыл\s+ішінде|"
                r"в\s+этом\s+году|в\s+текущем(?:\s+году)?|(?:текущего|этого)\s+года|"
                r"с\s+начала\s+(?:этого\s+|текущего\s+)?года|this\s+year)"), 0),
    (re.compile(r"(?<![^\W\d_])(?:былтыр\w*|өткен\s+жыл\w*|в\s+прошлом\s+году|"
                r"за\s+прошлый\s+год|прошлого\s+года|last\s+year)"), -1),
)
# "өткен жылдың сәйкес кезеңімен салыстырғанда", "больше аналогичного периода
# прошлого года", "чем годом ранее", "than last year": the year compared with, not the
# figure's.
COMPARED_RELATIVE_RE = re.compile(
    r"(?:өткен\s+жыл\w*|былтыр\w*)(?:\s+[^\W\d_]+){0,3}?\s+(?:салыстырғанда|қарағанда)|"
    r"(?:по\s+сравнению\s+с|чем\s+(?:в|за)?)\s*(?:прошлым|прошлом|аналогичным|прошлый)?\s*"
    r"(?:годом|году|год|периодом)(?:\s+ранее)?|чем\s+годом\s+ранее|"
    r"аналогичн\w*\s+период\w*\s+прошлого\s+года|"
    r"(?:than|compared\s+(?:with|to))\s+(?:(?:in\s+)?the\s+same\s+period\s+(?:of\s+)?)?"
    r"(?:last\s+year|a\s+year\s+(?:ago|earlier))")
RELATIVE_ANCHORS = ("биыл", "ағымдағы", "басынан", "ішінде", "этом", "текущ", "начала", "this",
                    "былтыр", "өткен", "прошл", "last")
# A span or a habit: the figure is about no single year.
SPAN_RE = re.compile(
    r"(?<![^\W\d_])(?:жыл\s+сайын|жыл\s+өткен\s+сайын|соңғы\s+(?:[^\W\d_]+|\d+)\s+жыл|"
    r"соңғы\s+жылдар|"
    r"\d+\s+жыл(?:да|ында|\s+ішінде)(?![^\W\d_])|ежегодно|каждый\s+год|в\s+год(?![^\W\d_])|"
    r"за\s+год(?![^\W\d_])|за\s+последние|в\s+последние\s+годы|за\s+(?:\d+|[^\W\d_]+)\s+лет|"
    r"every\s+year|each\s+year|annually|per\s+year|over\s+the\s+(?:past|last)|"
    r"in\s+recent\s+years|(?:over|in)\s+\d+\s+years)"
)
SPAN_ANCHORS = ("жыл", "ежегодно", "год", "последн", "лет", "year", "annually", "past", "last")


# A news item's background ("Еске салайық, 2023 жылы ...", "Напомним, в 2022 году ...")
# recalls an earlier year; the report's own year goes on after it.
BACKGROUND_RE = re.compile(r"(?:еске\s+сал\w*|айта\s+кетейік|напомним|напомню|recall\s+that|"
                           r"as\s+a\s+reminder)", re.IGNORECASE)


class Mention(NamedTuple):
    """A printed year (``year``) or span of years (``year=None``) at ``pos``.

    ``carries`` is True when it may carry on to later sentences (see rule 4).
    """

    pos: int
    year: int | None
    carries: bool


def _is_year_text(surface: str) -> bool:
    return len(surface) == 4 and surface[:2] in ("19", "20") and surface.isdigit()


def _linked(text: str, end: int, start: int) -> bool:
    """True when ``text[end:start]`` joins two years into a span."""
    m = YEAR_LINK_RE.fullmatch(text, end, start)
    if not m:
        return False
    noun = (m.group("noun") or "").lower()
    return m.group("link") is not None or noun.startswith("жыл")


def _deadline(text: str, start: int, end: int) -> bool:
    return (DEADLINE_BEFORE_RE.search(text, max(0, start - 8), start) is not None
            or DEADLINE_AFTER_RE.match(text, end) is not None)


# "since 2021", "с 2020 года", "2019 жылдан бері": the start of a span up to now.
SINCE_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:since|с|со)\s+$", re.IGNORECASE)
SINCE_AFTER_RE = re.compile(r"\s*(?:жыл(?:дан|ынан)\s+(?:бері|бастап)|года?(?!\s+(?:по|до)))",
                            re.IGNORECASE)


def _compared(text: str, start: int, end: int) -> bool:
    return (COMPARED_BEFORE_RE.search(text, max(0, start - 30), start) is not None
            or COMPARED_AFTER_RE.match(text, end) is not None)


def _since(text: str, start: int, end: int) -> bool:
    after = SINCE_AFTER_RE.match(text, end)
    if after and after.group().strip().lower().startswith("жыл"):
        return True
    return SINCE_BEFORE_RE.search(text, max(0, start - 8), start) is not None and (
        after is not None or text.startswith(",", end) or not text[end:end + 1].strip())


def _matched_ends(text: str, a: int, b: int, reach: int) -> list[int]:
    """Ends of the sentence ends starting in ``text[a:b]`` (each pattern seeing up to
    ``reach``): the same as scanning with both patterns (a match never starts inside
    another), but each start character is found with ``str.find``, far cheaper per
    character than a regex scan, and only those are matched.

    >>> _matched_ends("Бір. Екі\\n- үш", 0, 13, 13)
    [4, 9]
    """
    out = []
    find = text.find
    for char, regex in END_STARTS:
        i = find(char, a, b)
        while i >= 0:
            m = regex.match(text, i, reach)
            if m:
                out.append(m.end())
            i = find(char, i + 1, b)
    return out


def year_mentions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int | None]]:
    """(start, end, year) of printed years; a span "2018-2021" gives (start, end, None).

    >>> year_mentions("с 2020 года по июнь 2024 года", [(2, 6), (20, 24)])
    [(2, 24, None)]
    """
    out: list[tuple[int, int, int | None]] = []
    skip = -1
    for k, (a, b) in enumerate(spans):
        if b - a != 4 or a <= skip or not _is_year_text(text[a:b]):  # (a year has 4 digits)
            continue
        if k + 1 < len(spans):
            c, d = spans[k + 1]
            if d - c == 4 and _is_year_text(text[c:d]) and _linked(text, b, c):
                out.append((a, d, None))
                skip = c
                continue
        out.append((a, b, int(text[a:b])))
    return out


class YearIndex:
    """Year mentions of one text, found once, then queried per figure.

    Args:
        text: The text.
        ref_year: Year of the document's date, for "биыл" / "this year".
        taken: Offsets of the numbers read as figures (no year mentions; a
            sentence holding one is a sentence "with a figure").
        numbers: (start, end) of every number of the text, when already known.

    Sentence bounds and relative words are looked up in a window of at most
    :data:`WINDOW` characters around each figure, so the cost is linear in the
    text and the number of figures.

    >>> YearIndex("2024 жылы 5 іс ашылды.\\nТағы 3 адам ұсталды.", None, {10, 28}).year_for(28)
    2024
    """

    def __init__(self, text: str, ref_year: int | None,
                 taken: set[int] | frozenset[int] = frozenset(),
                 numbers: list[tuple[int, int]] | None = None):
        self.text, self.ref_year = text, ref_year
        # sentence ends, found once per chunk of text and only where a figure or
        # a year needs them (a long text with few figures is mostly never scanned)
        self._chunk_ends: dict[int, list[int]] = {}
        self._said_cache: dict[tuple[int, int], tuple[bool, int | None]] = {}
        spans = (numbers if numbers is not None
                 else [m.span() for m in NUMBER_SPAN_RE.finditer(text)])
        self.figures = sorted(taken)
        printed = year_mentions(text, [s for s in spans if s[0] not in taken])
        # a year compared with, or the start of a span "since 2021", is no figure's year
        since = [_since(text, a, b) for a, b, _ in printed]  # looked up once per year
        self.since_pos = [a for (a, _, _), s in zip(printed, since) if s]
        self.mentions = [Mention(a, y, self._carries(a, b, y))
                         for (a, b, y), s in zip(printed, since)
                         if not s and not _compared(text, a, b)]
        self.mention_pos = [m.pos for m in self.mentions]
        self.anchors = sorted([m for m in self.mentions if m.carries] + self._unprinted_anchors())
        self.anchor_pos = [m.pos for m in self.anchors]

    def _unprinted_anchors(self) -> list[Mention]:
        """Sentences with figures whose year is said without a printed year: a span
        or habit ("за последние пять лет" -> None) or a relative word ("былтыр")."""
        out: list[Mention] = []
        end = -1
        for pos in self.figures:
            if pos < end:
                continue  # one look per sentence
            s, end = self.sentence(pos)
            if self._between(s, end):
                continue
            said, year = self._said(s, end)
            if said:
                out.append(Mention(s, year, True))
        return out

    def _said(self, start: int, end: int) -> tuple[bool, int | None]:
        """(True, year) when a sentence without a printed year says its year: a
        relative word ("last year") wins over "since 2021", which else gives None;
        a span or habit gives None; a relative word alone its year. (Looked up once
        per sentence: the anchors and every figure of the sentence ask.)"""
        if (start, end) not in self._said_cache:
            self._said_cache[start, end] = self._read_said(start, end)
        return self._said_cache[start, end]

    def _read_said(self, start: int, end: int) -> tuple[bool, int | None]:
        k = bisect.bisect_left(self.since_pos, start)
        since = k < len(self.since_pos) and self.since_pos[k] < end
        low = self.text[start:end].lower()
        relative = self._relative(low)
        if since or self._span(low):
            return True, relative if since else None
        return relative is not None, relative

    def _carries(self, start: int, end: int, year: int | None) -> bool:
        if year is not None and (_deadline(self.text, start, end)
                                 or (self.ref_year is not None and year > self.ref_year)):
            return False
        s, e = self.sentence(start)
        if BACKGROUND_RE.match(self.text, s):
            return False
        k = bisect.bisect_left(self.figures, s)
        return k < len(self.figures) and self.figures[k] < e

    def _ends(self, chunk: int) -> list[int]:
        """Sorted ends of the sentence ends that start in text chunk ``chunk``."""
        if chunk not in self._chunk_ends:
            a = chunk * CHUNK
            b = min(len(self.text), a + CHUNK)
            reach = min(len(self.text), b + 64)  # the look-aheads see past the chunk
            self._chunk_ends[chunk] = sorted(_matched_ends(self.text, a, b, reach))
        return self._chunk_ends[chunk]

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos`` (within :data:`WINDOW`)."""
        lo, hi = max(0, pos - WINDOW), min(len(self.text), pos + WINDOW)
        start, end = lo, hi
        for c in range(pos // CHUNK, lo // CHUNK - 1, -1):  # the last end at or before pos
            ends = self._ends(c)
            k = bisect.bisect_right(ends, pos)
            if k:
                start = max(ends[k - 1], lo)
                break
        for c in range(pos // CHUNK, hi // CHUNK + 1):  # the first end after pos
            ends = self._ends(c)
            k = bisect.bisect_right(ends, pos)
            if k < len(ends):
                end = min(ends[k], hi)
                break
        while start < pos and self.text[start].isspace():
            start += 1
        return start, end

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph (a line of plain text) holding ``pos``; looked for
        up to :data:`CARRY_LIMIT` back, so a long text costs no more per figure."""
        lo = max(0, pos - CARRY_LIMIT)
        return max(max(self.text.rfind(c, lo, pos) for c in PARAGRAPH_ENDS) + 1, lo)

    def _between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.mention_pos, start)
        hi = bisect.bisect_left(self.mention_pos, end)
        return self.mentions[lo:hi]

    def _anchors(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.anchor_pos, start)
        hi = bisect.bisect_left(self.anchor_pos, end)
        return self.anchors[lo:hi]

    def _relative(self, low: str) -> int | None:
        """Year said by a relative word of the lower-cased sentence ``low``."""
        if not any(a in low for a in RELATIVE_ANCHORS):
            return None
        low = COMPARED_RELATIVE_RE.sub(" ", low)
        for regex, shift in RELATIVE_YEAR:
            if regex.search(low):
                return None if self.ref_year is None else self.ref_year + shift
        return None

    @staticmethod
    def _span(low: str) -> bool:
        return any(a in low for a in SPAN_ANCHORS) and SPAN_RE.search(low) is not None

    def _carried(self, start: int) -> int | None:
        """Year carried from earlier sentences with figures (rule 4)."""
        para = self.paragraph_start(start)
        found = self._anchors(para, start)
        if not found:
            k = bisect.bisect_left(self.anchor_pos, para) - 1
            if k < 0 or start - self.anchors[k].pos > CARRY_LIMIT:
                return None
            last = self.anchors[k].pos
            lo = self.paragraph_start(last)
            found = self._anchors(lo, para)
        years = {m.year for m in found}
        return years.pop() if len(years) == 1 else None

    def year_for(self, pos: int) -> int | None:
        """Year the figure at ``pos`` refers to (see the module rules), or None."""
        s, e = self.sentence(pos)
        found = self._between(s, e)
        before = [m for m in found if m.pos < pos]
        if before:
            return before[-1].year
        if found:
            return found[0].year
        said, year = self._said(s, e)
        return year if said else self._carried(s)


def year_for(text: str, pos: int, ref_year: int | None,
             taken: set[int] | None = None) -> int | None:
    """Year the figure at ``text[pos]`` refers to (see the module rules), or None.

    For many figures of one text build a :class:`YearIndex` once instead.

    Args:
        text: The text holding the figure.
        pos: Offset of the figure.
        ref_year: Year of the document's date, for "биыл" / "this year".
        taken: Offsets of numbers already read as figures (not years).

    >>> year_for("Биыл 46 мың киберқылмыс анықталды.", 5, 2025)
    2025
    """
    return YearIndex(text, ref_year, taken or set()).year_for(pos)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``text[pos]``.

    >>> t = "Бірінші. Екінші 5 сөйлем. Үшінші"
    >>> t[slice(*sentence_bounds(t, 16))]
    'Екінші 5 сөйлем.'
    """
    return YearIndex(text, None).sentence(pos)


__all__ = ["YearIndex", "Mention", "year_for", "year_mentions", "sentence_bounds"]
