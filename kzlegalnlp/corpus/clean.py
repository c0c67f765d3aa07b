"""Offset-preserving cleaning: printed lines -> paragraphs with a map back to the source.

The rules, in the order they are applied:

* **Lines.** The text is cut at ``\\r\\n``, ``\\r`` or ``\\n``; each line keeps its
  1-based number and the offsets of its first and last non-space character.
  Runs of spaces inside a line become one space (flattened tables).
* **Page numbers.** A line holding only a number of 1-3 digits is a page number
  and is dropped when no printed line touches it, or when a page starts right
  there (the line itself or the next one opens a page: indented, or after a form
  feed; or the text ends), as in PDF text printed without blank lines.
* **Layout.** A text is *wrapped* (PDF extraction: one printed line per line)
  when nine lines in ten are shorter than :data:`WRAPPED_WIDTH` characters
  (a printed page holds about 90); otherwise every line is already a paragraph
  (news sites, where a paragraph line runs to hundreds of characters).
* **Paragraph breaks** in wrapped text, between printed lines ``a`` and ``b``:
  more blank lines between them than usual in this file (PDF extraction puts
  one blank line after every printed line, so one is "usual"); ``b`` starts a
  list item (``–``, ``•``, ``1.``, ``2)``) after a line ending in ``: ; . ! ?``,
  or a numbered item ``1. Capital``; ``a`` is a reference-list heading;
  one of them is in capitals and the other is not (headings, surnames; but an
  abbreviation closing a sentence, ``ICAO.``, ``УК РФ.``, runs on); ``b`` is a "Surname Name Patronymic"
  line; ``a`` ends a sentence (``. ! ? …``) and ``b`` starts with a capital,
  a digit or an opening quote (the extraction lost the first-line indents, and
  this is how a reader finds paragraphs again); ``a`` is short (under
  :data:`SHORT_LINE` of the width) and ``b`` starts with a capital.
* **Joining lines.** A line break becomes one space, except after a hyphen
  between letters, decided by :class:`HyphenRule`.

Every character of a paragraph maps back to the source through its ``pieces``.

>>> text = "Қоғам мен мемлекетті ақпа-\\n\\nраттандыру және интернет-\\n\\nалаяқтық\\n"
>>> lines = split_lines(text)
>>> p = build_paragraph(lines, HyphenRule.from_text("интернет-алаяқтық туралы"), index=0)
>>> p.text
'Қоғам мен мемлекетті ақпараттандыру және интернет-алаяқтық'
>>> text[p.to_source(21):p.to_source(21) + 4], p.line_at(30)
('ақпа', 3)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, filterfalse, repeat, starmap
from operator import attrgetter, itemgetter, le, lt, sub
from typing import Any, Iterable, NamedTuple, Sequence, TypeVar

from ..patterns.articles import _bmp, begin_chars
from ..records import Paragraph, Piece
from .lang import detect_lang
from .patterns import PATTERNS

WRAPPED_WIDTH = 150
HEADING_CHARS = 60
SHORT_LINE = 0.6

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ODD_SPACE = re.compile(r"[^\S ]\s*|  +")  # anything but a single plain space
_PAGE_NUMBER = re.compile(r"\d{1,3}")
_LIST_ITEM = re.compile(r"(?:[–—•·▪\-]\s|\d{1,2}[.)]\s|[a-zа-я]\)\s)")
_ABBREVIATION_END = re.compile(r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,8}\s){0,2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,8}[.,;:)»\]]+")
_NUMBERED = re.compile(r"\d{1,2}\.\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")  # "1. Иванов И.И. ..."
# a sentence ends in one of these marks, then maybe closing quotes and brackets (tested
# with rstrip and endswith: a regex search ending in "$" would try every start)
_SENTENCE_MARKS = (".", "!", "?", "…")
_CLOSERS = "»\"”)]"
_WORD_AT_START = re.compile(r"[^\W\d_]+")
# a whole hyphenated word (tested with fullmatch on space-separated tokens)
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_LETTERS = re.compile(r"[^\W\d_]+")
# a line whose text (stripped as str.strip does) ends in "-": only white space up to a break or the end
_ENDS_IN_HYPHEN = re.compile(r"-\s*(?:[\r\n]|\Z)")
_PUNCT = ".,;:!?()[]{}«»\"'“”„…"
_COMPOUND_LEFT = ("но", "ско", "ски")
_TEXT = attrgetter("text")
_NUMBER = itemgetter(0)  # a Line's number
_LESS_TWO = itemgetter(slice(None, -2))  # a word less its last two letters


_R = TypeVar("_R")
_new_object = object.__new__


def new_record(cls: type[_R], fields: dict[str, Any]) -> _R:
    """``cls(**fields)`` for a frozen dataclass without ``__post_init__``, at a fraction of
    the cost: its generated ``__init__`` only sets each field, by one ``object.__setattr__``
    call each; here the new record's ``__dict__`` is filled by one update. ``fields`` must
    name every field, in field order (tests compare both ways of building).

    >>> new_record(Piece, {"clean": 0, "source": 5, "length": 2, "line": 1}) == Piece(0, 5, 2, 1)
    True
    """
    record = _new_object(cls)
    record.__dict__.update(fields)
    return record


def _piece(clean: int, source: int, length: int, line: int) -> Piece:
    """``Piece(clean, source, length, line)``, built as :func:`new_record` does (a paragraph
    has a few pieces per line: their ``__init__`` was a tenth of loading)."""
    piece = _new_object(Piece)
    piece.__dict__.update({"clean": clean, "source": source, "length": length, "line": line})
    return piece


class Line(NamedTuple):
    """One line of the source: number, offsets of its content, the content, indent.

    A named tuple rather than a dataclass: a file has thousands of lines and
    tuples are several times cheaper to create.

    >>> split_lines("ab\\n  cd  \\n")[1]
    Line(number=2, start=5, end=7, text='cd', indented=True, spaced=True)
    """

    number: int
    start: int
    end: int
    text: str
    indented: bool
    spaced: bool = False  # a plain space follows the content (joins can copy it)

    @property
    def blank(self) -> bool:
        """True for an empty or white-space line."""
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Cut ``text`` into :class:`Line` records (blank lines included).

    >>> [(l.number, l.text) for l in split_lines("a\\r\\n\\nb")]
    [(1, 'a'), (2, ''), (3, 'b')]
    >>> split_lines("a\\n  b \\n")[1]
    Line(number=2, start=4, end=5, text='b', indented=True, spaced=True)
    """
    if "\r" not in text:
        # the common case: str.split is several times cheaper than a regex scan
        raws = text.split("\n")
        if not raws[-1]:
            raws.pop()  # a final line break ends the last line, it opens none
        lines: list[Line] = []
        add, pos = lines.append, 0
        for number, raw in enumerate(raws, 1):
            if not raw:  # an empty line (every other line of PDF text): nothing to strip or measure
                add(_new_line(Line, (number, pos, pos, raw, False, False)))
                pos += 1
                continue
            content = raw.strip()
            if content is raw:  # nothing to strip (strip returns the string itself): no offsets to find
                add(_new_line(Line, (number, pos, pos + len(raw), raw, False, False)))
            elif content and raw[0] == content[0]:  # white space after the text only
                n = len(content)
                add(_new_line(Line, (number, pos, pos + n, content, False, raw[n] == " ")))
            else:
                add(_line_of(raw, number, pos))
            pos += len(raw) + 1
        return lines
    lines = []
    pos = 0
    number = 1
    for match in _LINE_BREAK.finditer(text):
        lines.append(_line_of(text[pos:match.start()], number, pos))
        pos, number = match.end(), number + 1
    if pos < len(text):
        lines.append(_line_of(text[pos:], number, pos))
    return lines


_new_line = tuple.__new__  # a Line from a full tuple, without the Python-level __new__ of a named tuple


def _line_of(raw: str, number: int, start: int) -> Line:
    """The :class:`Line` of ``raw``, the text of line ``number`` starting at offset ``start``."""
    content = raw.strip()
    if not content:
        return Line(number, start, start, "", False)
    lead = len(raw) - len(raw.lstrip())
    last = lead + len(content)  # in ``raw``
    return Line(number, start + lead, start + last, content, lead > 0, raw[last:last + 1] == " ")


def is_page_number(lines: Sequence[Line], i: int) -> bool:
    """True when ``lines[i]`` is a lone page number: no printed line touches it, or
    a page starts at it or right after it (see the module docstring).

    >>> ls = split_lines("text\\n\\n17\\n\\nmore")
    >>> is_page_number(ls, 2), is_page_number(ls, 0)
    (True, False)
    >>> ls = split_lines("end of a page\\n18\\n\\fnext page\\na table\\n19\\ncell")
    >>> is_page_number(ls, 1), is_page_number(ls, 4)
    (True, False)
    """
    line = lines[i]
    if not _PAGE_NUMBER.fullmatch(line.text):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    last = all(not ln.text for ln in lines[i + 1:i + 4]) and i + 4 >= len(lines)  # only blanks follow
    if line.indented or last or (nxt is not None and nxt.indented):
        return True  # at a page break (or the end of the last page): it opens or closes a page
    above = not lines[i - 1].text if i > 0 else True
    return above and nxt is not None and not nxt.text


def printed_lines(lines: Sequence[Line]) -> list[Line]:
    """The non-blank lines that are not page numbers.

    >>> [l.text for l in printed_lines(split_lines("a\\n\\n5\\n\\nb"))]
    ['a', 'b']
    """
    return [ln for i, ln in enumerate(lines) if ln.text and not is_page_number(lines, i)]


_RUN = re.compile(r"[^\W\d_]*")  # matched at the start of a reversed window


def _run_before(text: str, end: int, floor: int) -> str:
    """The run of ``[^\\W\\d_]`` characters of ``text[floor:end]`` that ends at ``end``.

    Matched on the reversed window: one anchored match in C, where a search for a
    run at the end of the window would try every start position, and a backward
    loop costs a Python step per character.

    >>> _run_before("интернет-алаяқ-", 14, 0), _run_before("2019-", 4, 0), _run_before("x²-", 2, 0)
    ('алаяқ', '', 'x²')
    """
    return _RUN.match(text[floor:end][::-1]).group()[::-1]  # type: ignore[union-attr]


class HyphenRule:
    """Decides whether a hyphen at a line end is a soft break or a real hyphen.

    For ``left-`` at the end of a line and ``right`` starting the next line:

    1. a digit on either side, or ``right`` starting with a capital while not in an
       all-capitals line (``Западно-`` + ``Казахстанского``): keep the hyphen;
    2. the hyphenated word is printed elsewhere in the text inside a line, or
       another form of it (``іс-қимыл`` attests ``іс-`` + ``қимылдар``): keep;
    3. the joined word, or another form of it (same word but the last two
       letters), is printed elsewhere: join;
    4. ``left`` is a long compound-adjective stem (``информационно-``,
       ``-ско-``, ``-ски-``) and ``right`` a long word: keep;
    5. both halves are words printed elsewhere on their own, four letters or
       more each, and the joined word is not (``сипаттамасы-`` +
       ``ақпараттандыру``): keep;
    6. otherwise join: a soft break is far more common at a line end than a compound.

    >>> rule = HyphenRule.from_text("іс-қимыл ақпараттандыру")
    >>> rule.keep("іс", "қимыл"), rule.keep("ақпа", "раттандыру"), rule.keep("Западно", "Казахстанского")
    (True, False, True)
    >>> rule.keep("іс", "қимылдар")
    True
    """

    def __init__(self, hyphenated: Iterable[str] = (), words: Iterable[str] = (),
                 lowered: bool = False) -> None:
        self.hyphenated = frozenset(hyphenated if lowered else map(str.lower, hyphenated))
        self.words = frozenset(words if lowered else map(str.lower, words))
        self._stems: frozenset[str] | None = None  # built when first asked (see ``stems``)
        self._word_lines: str | None = None  # the words, one a line, for ``_attests_stem``
        # first half -> second halves of the attested compounds ("іс" -> {"қимыл", ...})
        self.halves: dict[str, set[str]] = {}
        for word in self.hyphenated:
            head, _, tail = word.partition("-")
            self.halves.setdefault(head, set()).add(tail.split("-")[0])

    @classmethod
    def from_text(cls, text: str) -> "HyphenRule":
        """Learn the attested words and hyphenated words of ``text``.

        >>> sorted(HyphenRule.from_text("ғылыми-тәжірибелік конференция").hyphenated)
        ['ғылыми-тәжірибелік']
        """
        low = text.lower()
        counts, hyphenated = _letter_runs(low.split())
        halves = _line_end_halves(low)
        # words broken at a line end are no evidence: a run printed no more often than it is
        # a half is none (in C: only the halves are looked up, no pass over every word)
        broken = compress(halves, map(le, map(counts.get, halves, repeat(0)), halves.values()))
        return cls(hyphenated, frozenset(counts).difference(broken), lowered=True)

    @classmethod
    def for_text(cls, text: str) -> "HyphenRule":
        """The rule a loader needs for ``text``: :meth:`from_text` when some line of it ends
        in a hyphen, else an empty rule, since :meth:`keep` is asked only about such lines
        (learning the words of a long text costs a quarter of loading it).

        >>> HyphenRule.for_text("іс-қимыл\\nақпа-\\nраттандыру").hyphenated, HyphenRule.for_text("іс-қимыл").words
        (frozenset({'іс-қимыл'}), frozenset())
        """
        return cls.from_text(text) if _ENDS_IN_HYPHEN.search(text) else cls()

    def keep(self, left: str, right: str) -> bool:
        """True when ``left-`` + ``right`` is a real hyphenated word."""
        if left[-1:].isdigit() or right[:1].isdigit():
            return True
        if right[:1].isupper() and not right.isupper():
            return True
        low, rlow = left.lower(), right.lower()
        if f"{low}-{rlow}" in self.hyphenated or self._other_form(low, rlow):
            return True
        joined = low + rlow
        if joined in self.words:
            return False
        compound = len(left) >= 6 and len(right) >= 6 and low.endswith(_COMPOUND_LEFT)
        if not (compound or (len(left) >= 4 and len(right) >= 4 and low in self.words and rlow in self.words)):
            return False
        # only now the other form of the joined word, which would join: few pairs get this far
        return not (len(joined) >= 7 and self._attests_stem(joined[:-2]))

    @property
    def stems(self) -> frozenset[str]:
        """The attested words of seven letters or more less their last two letters:
        "телемедицины" attests "теле-" + "медицину".

        >>> sorted(HyphenRule(words=["телемедицины", "іс"]).stems)
        ['телемедици']
        """
        if self._stems is None:  # map and compress: no Python step per word
            self._stems = frozenset(map(_LESS_TWO, compress(self.words, map(lt, repeat(6), map(len, self.words)))))
        return self._stems

    def _attests_stem(self, stem: str) -> bool:
        """``stem in self.stems`` for a stem of five letters or more, without building the
        stems of every word: the words one a line are searched for a line of ``stem`` and
        two more characters (a few searches in C per file instead of a slice per word).

        >>> rule = HyphenRule(words=["телемедицины", "телемедицина-x", "іс"])
        >>> rule._attests_stem("телемедици"), rule._attests_stem("телемеди"), rule._attests_stem("іс")
        (True, False, False)
        """
        if self._word_lines is None:
            lines = "\n" + "\n".join(self.words) + "\n"
            # a word with a line break in it (not a letter run, only given ones): no lines
            self._word_lines = lines if lines.count("\n") == len(self.words) + 1 else ""
        lines = self._word_lines
        if not lines:
            return stem in self.stems
        head, size = "\n" + stem, len(stem) + 2
        at = lines.find(head)
        while at >= 0:
            if lines.find("\n", at + 1) == at + 1 + size:  # that word has exactly two more characters
                return True
            at = lines.find(head, at + 1)
        return False

    def _other_form(self, left: str, right: str) -> bool:
        """An attested compound ``left-X`` where X and ``right`` are forms of one word."""
        tails = self.halves.get(left)
        return tails is not None and any(len(tail) >= 4 and (right.startswith(tail) or tail.startswith(right))
                                         for tail in tails)


def _letter_runs(tokens: list[str]) -> tuple[Counter[str], list[str]]:
    """Counts of the letter runs (``[^\\W\\d_]+``) of the space-separated ``tokens``,
    and the hyphenated words among them.

    A run never crosses white space, so the counts are those of a regex scan of the
    whole text, at a fraction of its cost: the tokens are counted in C, most of them
    are a word, and each distinct other token is read once and replaced by its runs
    (usually a word with punctuation around it). A token that is itself a run with a
    numeral letter (``x²``) may be replaced by itself, with the same count.

    >>> _letter_runs("сот, сот іс-қимыл 2019-жылы".split())
    (Counter({'сот': 2, 'іс': 1, 'қимыл': 1, 'жылы': 1}), ['іс-қимыл', '2019-жылы'])
    """
    counts = Counter(tokens)
    hyphenated: list[str] = []
    get, known = counts.get, _TOKEN_RUNS.get  # dict.get: a new word would cost Counter.__missing__, a Python call
    for token in list(filterfalse(str.isalpha, counts)):  # each distinct token that is no plain word
        n = counts.pop(token)
        runs, compound = known(token) or _token_runs(token)
        for run in runs:
            counts[run] = get(run, 0) + n
        if compound:
            hyphenated.append(compound)
    return counts, hyphenated


# token -> its letter runs and its hyphenated word (or ""), for tokens that are no plain word
# (a punctuated word, a number, a compound): the same few thousand come back in every text
_TOKEN_RUNS: dict[str, tuple[tuple[str, ...], str]] = {}
_TOKEN_RUNS_CAP = 1 << 16


def _token_runs(token: str) -> tuple[tuple[str, ...], str]:
    """The letter runs of a lower-cased ``token`` and the hyphenated word it holds ("" when
    none), remembered for the next text (up to a cap: then forgotten all at once).

    >>> _token_runs("(іс-қимыл),"), _token_runs("сот,"), _token_runs("2019-")
    ((('іс', 'қимыл'), 'іс-қимыл'), (('сот',), ''), ((), ''))
    """
    core = token.strip(_PUNCT)
    if core.isalpha():
        found: tuple[tuple[str, ...], str] = ((core,), "")
    else:
        found = (tuple(_LETTERS.findall(core)), core if "-" in core and _HYPHENATED.fullmatch(core) else "")
    if len(_TOKEN_RUNS) >= _TOKEN_RUNS_CAP:
        _TOKEN_RUNS.clear()
    _TOKEN_RUNS[token] = found
    return found


# the letters before a line-end hyphen, read backwards on the reversed text (one scan in C
# that starts at a line break): a ``[^\W\d_]`` run of at most 40 characters
_REVERSED_LEFT_HALF = re.compile(r"[\r\n][ \t]*-([^\W\d_]{0,40})")
_REVERSED_LEFT_HALF_LF = re.compile(r"\n[ \t]*-([^\W\d_]{0,40})")  # no CR: a literal start is scanned faster
# the word that starts the next printed line after a line-end hyphen
_RIGHT_HALF = re.compile(r"-[ \t]*(?=[\r\n])\s*([^\W\d_]*)")


def _line_end_halves(low: str) -> Counter[str]:
    """How often each word is a half of a word broken by a hyphen at a line end of ``low``:
    the letters (``str.isalpha``, at most 40) before the hyphen and the word the next printed
    line starts with. Two scans in C instead of a Python step per hyphen.

    >>> sorted(_line_end_halves("ақпа-\\nраттандыру ақпа-  \\n\\n раттандыру 2019-\\n20 x²ab-\\nc").items())
    [('ab', 1), ('c', 1), ('ақпа', 2), ('раттандыру', 2)]
    """
    halves = Counter(_RIGHT_HALF.findall(low))
    lefts = (_REVERSED_LEFT_HALF if "\r" in low else _REVERSED_LEFT_HALF_LF).findall(low[::-1])
    halves.update(map(_left_half, lefts))
    del halves[""]
    return halves


def _left_half(reversed_run: str) -> str:
    """The letters (``str.isalpha``) that end a run read backwards, in reading order: a run
    may hold a numeral letter (``²``, ``Ⅻ``), which is no letter: the letters after it."""
    if reversed_run.isalpha() or not reversed_run:
        return reversed_run[::-1]
    k = 0
    while reversed_run[k].isalpha():  # stops at the numeral letter
        k += 1
    return reversed_run[:k][::-1]


def text_width(lines: Sequence[Line]) -> int:
    """The printed width: the 90th percentile of line lengths (at least 1).

    >>> text_width(split_lines("a\\nbbb\\ncc"))
    3
    """
    return _width(list(map(_TEXT, lines)))


def _width(texts: list[str]) -> int:
    """:func:`text_width` of lines with these texts."""
    lengths = sorted(filter(None, map(len, texts)))  # no Python step per line
    if not lengths:
        return 1
    return max(1, lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))])


def is_wrapped(lines: Sequence[Line]) -> bool:
    """True when the lines are printed lines (PDF), False when each is a paragraph.

    >>> is_wrapped(split_lines("short\\n\\nlines")), is_wrapped(split_lines("x" * 300))
    (True, False)
    """
    return any(ln.text for ln in lines) and text_width(lines) < WRAPPED_WIDTH


_UPPER = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+")
_LOWER = re.compile(r"[a-zа-яёәғқңөұүһі]+")


@lru_cache(maxsize=8192)
def is_caps(text: str) -> bool:
    """True when at least 80% of at least four letters are capitals.

    >>> is_caps("КИБЕР АЛАЯҚТЫҚ: СИПАТТАМАСЫ"), is_caps("Сот")
    (True, False)
    """
    upper = sum(map(len, _UPPER.findall(text)))
    if upper < 4:  # 80% of four letters or more is more than three: prose stops here, uncounted
        return False
    lower = sum(map(len, _LOWER.findall(text)))
    return upper + lower >= 4 and upper >= 0.8 * (upper + lower)


def usual_gap(lines: Sequence[Line]) -> int:
    """The most common number of blank lines between two printed lines.

    >>> usual_gap(split_lines("a\\n\\nb\\n\\nc\\n\\n\\n\\nd")), usual_gap(split_lines("a\\nb\\nc"))
    (1, 0)
    """
    return _most_common_gap(list(map(_NUMBER, printed_lines(lines))))


def _most_common_gap(numbers: list[int]) -> int:
    """The most common number of blank lines between consecutive printed lines numbered ``numbers``."""
    steps = Counter(map(sub, numbers[1:], numbers))  # a step of n lines: n - 1 blank lines between
    return max(steps, key=lambda n: (steps[n], -n)) - 1 if steps else 0


@dataclass(frozen=True)
class Layout:
    """What the paragraph rules need to know about a file.

    >>> Layout.of(split_lines("a\\n\\nb")).wrapped
    True
    """

    wrapped: bool
    width: int
    gap: int
    page_numbers: frozenset[int]

    @classmethod
    def of(cls, lines: Sequence[Line]) -> "Layout":
        """Measure the layout of ``lines``."""
        # each line is tested once: the page numbers also decide the printed lines of the gap
        # (``\d`` is ``str.isdecimal``: only a line of 1-3 decimal digits can be one)
        texts = list(map(_TEXT, lines))  # read once for the three measures
        digits = compress(range(len(lines)), map(str.isdecimal, texts))
        pages = frozenset(lines[i].number for i in digits if len(texts[i]) <= 3 and is_page_number(lines, i))
        printed = compress(map(_NUMBER, lines), texts)  # the numbers of the printed lines, in C
        numbers = list(filterfalse(pages.__contains__, printed) if pages else printed)
        width = _width(texts)
        return cls(width < WRAPPED_WIDTH, width, _most_common_gap(numbers), pages)

    def breaks_between(self, a: Line, b: Line) -> bool:
        """True when a paragraph ends after ``a`` and another starts at ``b``.

        >>> lay = Layout(True, 40, 1, frozenset())
        >>> lay.breaks_between(Line(1, 0, 9, "Бір сөйлем.", False), Line(3, 0, 3, "Екі", False))
        True
        """
        if not self.wrapped:
            return True
        at, bt = a.text, b.text  # read once: this runs for every pair of printed lines
        if b.number - a.number - 1 > self.gap and not any(a.number < n < b.number for n in self.page_numbers):
            return True
        head = bt[:1]
        # a list item opens with a mark, a digit, or a letter and ")": the match is tried only then
        if ((head in _LIST_MARKS or head.isdecimal() or bt[1:2] == ")") and _LIST_ITEM.match(bt)
                and (at.endswith((":", ";", ".", "!", "?")) or _NUMBERED.match(bt))):
            return True  # a list item; after an unfinished line a dash or "1)" runs on
        # headings and name lines are short: skip their patterns on full lines
        a_short = len(at) <= HEADING_CHARS
        if a_short and _is_reference_heading(at):
            return True
        a_caps = is_caps(at)
        if a_caps != is_caps(bt) and not _ABBREVIATION_END.fullmatch(bt):
            return True  # heading, surname; but "... practices of" + "ICAO." runs on
        if len(bt) <= HEADING_CHARS and _is_name_text(bt):
            return True  # "Surname Name Patronymic" or "Петров П.П., к.ю.н." opens an author block
        if a_short and _is_name_text(at):
            return True  # ... and stands alone: the position follows on its own line
        if (head in _SECTION_HEADS or head > "\uffff") and _SECTION_LABEL.match(bt):
            return True  # "Аннотация.", "Түйін сөздер:", "Keywords:" open their paragraph
        upper_next = head.isupper() or head in "«\"“(" or head.isdigit()
        if upper_next and at.rstrip(_CLOSERS).endswith(_SENTENCE_MARKS):
            return True  # a finished sentence, then a new one
        return upper_next and len(at) < SHORT_LINE * self.width and not a_caps


@lru_cache(maxsize=8192)
def _is_reference_heading(text: str) -> bool:
    # cached: a short line is tested again as the next pair's first line
    return bool(PATTERNS["reference_heading"].matches(text))


_SECTION_LABEL = PATTERNS["section_label"].regex
_LIST_MARKS = "–—•·▪-"  # the marks ``_LIST_ITEM`` opens with


class _EveryCharacter:
    """Holds every character: the first characters of a pattern that could not be read."""

    def __contains__(self, char: object) -> bool:
        return True


def first_characters(rx: re.Pattern[str]) -> frozenset[str] | _EveryCharacter:
    """The characters of the Basic Multilingual Plane a match of ``rx`` can begin with, read
    once from the pattern (case folding included, :func:`begin_chars`): a line that begins
    with none of them is not tried, and a set look-up costs a tenth of a match attempt.
    A character beyond the plane is the caller's to try.

    >>> sorted(first_characters(re.compile("ab|c", re.I))), "x" in first_characters(re.compile(r"\\w"))
    (['A', 'C', 'a', 'c'], True)
    """
    begins = begin_chars(rx)
    if begins is None:
        return _EveryCharacter()
    return frozenset(begins.findall(_bmp()))


_SECTION_HEADS = first_characters(_SECTION_LABEL)


@lru_cache(maxsize=8192)
def _is_name_text(text: str) -> bool:
    """An author's name line: "Surname Name Patronymic" or "Петров П.П., к.ю.н." (cached:
    each line is tested twice, as the line after a break and as the one before)."""
    return bool(PATTERNS["full_name_line"].matches(text) or PATTERNS["initials_author"].matches(text))


def group_lines(lines: Sequence[Line], layout: Layout) -> list[list[Line]]:
    """Group printed lines into paragraphs (page numbers and blank lines are left out).

    >>> lay = Layout.of(split_lines("Бір.\\n\\nЕкі сөз\\n\\nжалғасы"))
    >>> [[l.number for l in g] for g in group_lines(split_lines("Бір.\\n\\nЕкі сөз\\n\\nжалғасы"), lay)]
    [[1], [3, 5]]
    """
    groups: list[list[Line]] = []
    pages, breaks = layout.page_numbers, layout.breaks_between
    prev: Line | None = None
    for ln in compress(lines, map(_TEXT, lines)):  # blank lines skipped in C
        if pages and ln.number in pages:
            continue
        if prev is not None and not breaks(prev, ln):
            groups[-1].append(ln)
        else:
            groups.append([ln])
        prev = ln
    return groups


class _Builder:
    """Accumulates cleaned text and pieces, merging pieces that continue each other.

    Pieces are kept as ``[clean, source, length, line]`` lists while building and
    become :class:`Piece` records once, at the end: a merge then costs an addition.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[list[int]] = []
        self.size = 0

    def copy(self, text: str, source: int, line: int) -> None:
        if not text:
            return
        n = len(text)
        spans = self.spans
        if spans and (last := spans[-1])[1] + last[2] == source and last[3] == line:
            last[2] += n
        else:
            spans.append([self.size, source, n, line])
        self.parts.append(text)
        self.size += n

    def replace(self, char: str, source: int, line: int) -> None:
        """Add ``char`` standing for the source character at ``source``."""
        self.spans.append([self.size, source, 1, line])
        self.parts.append(char)
        self.size += 1

    def pieces(self) -> tuple[Piece, ...]:
        """The offset map as records."""
        return tuple(starmap(_piece, self.spans))


def _copy_line(builder: _Builder, line: Line, stop: int) -> None:
    """Copy ``line.text[:stop]``, collapsing inner white-space runs to one space."""
    text = line.text
    if "  " not in text and text.isprintable():
        # the common case: isprintable() is False for every space but U+0020
        builder.copy(text[:stop] if stop < len(text) else text, line.start, line.number)
        return
    pos = 0
    for match in _ODD_SPACE.finditer(text, 0, stop):
        builder.copy(text[pos:match.start()], line.start + pos, line.number)
        builder.replace(" ", line.start + match.start(), line.number)
        pos = match.end()
    builder.copy(text[pos:stop], line.start + pos, line.number)


def build_paragraph(lines: Sequence[Line], rule: HyphenRule, index: int,
                    lang: str | None = None, context: str | None = None,
                    joined: str | None = None, scripts: tuple[int, int, int] | None = None) -> Paragraph:
    """Rebuild one paragraph from its printed lines.

    Args:
        lines: Consecutive printed lines (blank lines are skipped).
        rule: Decides hyphens at line ends.
        index: The paragraph's position in its document.
        lang: Its language; detected from the text when ``None``.
        context: The document's language, which wins over weak evidence.
        joined: The texts of ``lines`` joined by single spaces, when the caller has it
            (a splitter group's text); ``lines`` are then all printed.
        scripts: The script counts of the text's first ``SAMPLE_CHARS`` characters, when the
            caller has them (:class:`~kzlegalnlp.corpus.lang.ScriptTotals`).

    >>> ls = [l for l in split_lines("Западно-\\nКазахстанского 2019-\\n2020") if l.text]
    >>> build_paragraph(ls, HyphenRule(), 0).text
    'Западно-Казахстанского 2019-2020'
    """
    if joined is None:
        lines = [ln for ln in lines if ln.text]
        joined = " ".join([ln.text for ln in lines])
    text = joined
    if "  " in text or not text.isprintable():
        text, pieces = _rebuilt(lines, rule)
    elif "- " in text:  # maybe a line ends in a hyphen; none needs spaces collapsed
        text, pieces = _hyphen_joined(lines, rule)
    else:  # no line ends in a hyphen, none needs spaces collapsed: the lines as they are
        pieces = _plain_pieces(lines)
    first, final = lines[0], lines[-1]
    return new_record(Paragraph, {
        "text": text,
        "char_start": first.start,
        "char_end": final.end,
        "line_start": first.number,
        "line_end": final.number,
        "lang": lang or detect_lang(text, context=context, scripts=scripts),
        "index": index,
        "pieces": pieces,
    })


def paragraph_text(lines: Sequence[Line], rule: HyphenRule) -> str:
    """The text :func:`build_paragraph` gives ``lines``, without their pieces' records and
    without detecting a language (a title or an affiliation is only text).

    >>> paragraph_text(split_lines("ақпа-\\n\\nраттандыру  іс"), HyphenRule())
    'ақпараттандыру іс'
    """
    lines = [ln for ln in lines if ln.text]
    text = " ".join([ln.text for ln in lines])
    if "  " in text or not text.isprintable():
        return _rebuilt(lines, rule)[0]
    return _hyphen_joined(lines, rule)[0] if "- " in text else text


def _plain_pieces(lines: Sequence[Line]) -> tuple[Piece, ...]:
    """The pieces of lines joined by one space each, when every line is copied as
    printed: what :func:`_rebuilt` makes of them, without its per-character cases.

    >>> _plain_pieces([Line(1, 0, 3, "бір", False, True), Line(2, 5, 8, "екі", False)])
    (Piece(clean=0, source=0, length=4, line=1), Piece(clean=4, source=5, length=3, line=2))
    """
    pieces: list[Piece] = []
    size = 0
    for line in lines[:-1]:
        n = len(line.text)
        if line.spaced:  # the source's own space follows: it extends the line's piece
            pieces.append(_piece(size, line.start, n + 1, line.number))
        else:  # the line break stands for the space
            pieces.append(_piece(size, line.start, n, line.number))
            pieces.append(_piece(size + n, line.end, 1, line.number))
        size += n + 1
    last = lines[-1]  # nothing follows the last line
    pieces.append(_piece(size, last.start, len(last.text), last.number))
    return tuple(pieces)


def _hyphen_joined(lines: Sequence[Line], rule: HyphenRule) -> tuple[str, tuple[Piece, ...]]:
    """The text and pieces of printed ``lines`` that need no white-space collapsing: what
    :func:`_rebuilt` makes of them, without its builder (each line gives one piece, or two
    when a line break stands for the space: pieces of different lines never merge).

    >>> ls = [Line(1, 0, 5, "ақпа-", False), Line(2, 6, 16, "раттандыру", False, True), Line(3, 18, 20, "іс", False)]
    >>> _hyphen_joined(ls, HyphenRule())
    ('ақпараттандыру іс', (Piece(clean=0, source=0, length=4, line=1), Piece(clean=4, source=6, length=11, line=2), Piece(clean=15, source=18, length=2, line=3)))
    """
    parts: list[str] = []
    pieces: list[Piece] = []
    size = 0
    last = len(lines) - 1
    for k, line in enumerate(lines):
        text, n = line.text, len(line.text)
        joint = "keep" if k == last else _joint(line, lines[k + 1], rule) if text[-1] == "-" else "space"
        if joint == "space":
            parts.append(text + " ")
            if line.spaced:  # the source's own space follows: it extends the line's piece
                pieces.append(_piece(size, line.start, n + 1, line.number))
            else:  # the line break stands for the space
                pieces.append(_piece(size, line.start, n, line.number))
                pieces.append(_piece(size + n, line.end, 1, line.number))
            n += 1
        else:
            if joint == "join":
                text, n = text[:-1], n - 1  # drop the soft hyphen
            parts.append(text)
            pieces.append(_piece(size, line.start, n, line.number))
        size += n
    return "".join(parts), tuple(pieces)


def _rebuilt(lines: Sequence[Line], rule: HyphenRule) -> tuple[str, tuple[Piece, ...]]:
    """The text and pieces of printed ``lines``: hyphens at line ends decided by ``rule``,
    white-space runs collapsed."""
    builder = _Builder()
    last = len(lines) - 1
    for k, line in enumerate(lines):
        stop = len(line.text)
        # only a line ending in a hyphen needs the rule; the last line meets nothing
        joint = "space" if k < last else None
        if joint and line.text[-1] == "-":
            joint = _joint(line, lines[k + 1], rule)
        if joint == "space" and line.spaced and "  " not in line.text and line.text.isprintable():
            builder.copy(line.text + " ", line.start, line.number)  # as printed, with the source's space
            continue
        if joint == "join":
            stop -= 1  # drop the soft hyphen
        _copy_line(builder, line, stop)
        if joint == "space" and line.spaced:
            builder.copy(" ", line.end, line.number)  # the source's own space: one piece fewer
        elif joint == "space":
            builder.replace(" ", line.end if line.end > line.start else line.start, line.number)
    return "".join(builder.parts), builder.pieces()


def _letters_before_hyphen(text: str, limit: int = 60) -> str:
    """The run of letters (``[^\\W\\d_]``) before the final hyphen of ``text``, within its
    last ``limit`` characters.

    >>> _letters_before_hyphen("интернет-алаяқ-"), _letters_before_hyphen("2019-"), _letters_before_hyphen("x²-")
    ('алаяқ', '', 'x²')
    """
    end, floor = len(text) - 1, max(0, len(text) - limit)
    # the common case: the word after the last space is all letters and lies in the window,
    # so it is the run (a space is no run character): one rfind, no reversed copies, no regex
    space = text.rfind(" ", floor, end)
    word = text[space + 1:end]
    if word.isalpha() and (space >= 0 or floor == 0):
        return word
    return _run_before(text, end, floor)


def _joint(line: Line, nxt: Line, rule: HyphenRule) -> str:
    """How ``line`` meets ``nxt``: ``"space"``, ``"join"`` (soft hyphen) or ``"keep"``."""
    if not line.text.endswith("-"):
        return "space"
    left = _letters_before_hyphen(line.text)
    right = _WORD_AT_START.match(nxt.text)
    if left and right:
        return "keep" if rule.keep(left, right.group()) else "join"
    if line.text.endswith("-") and nxt.text[:1].isdigit() and line.text[-2:-1].isdigit():
        return "keep"  # a number range split at the line end: 2019-/2020
    return "space"


__all__ = [
    "Line",
    "Layout",
    "HyphenRule",
    "split_lines",
    "printed_lines",
    "is_page_number",
    "is_wrapped",
    "text_width",
    "usual_gap",
    "group_lines",
    "build_paragraph",
    "paragraph_text",
    "first_characters",
    "is_caps",
]
