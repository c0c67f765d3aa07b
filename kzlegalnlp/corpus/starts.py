"""Where the documents of a proceedings file start: the printing conventions.

The splitter follows printing conventions, not one file. Paragraphs are built
first over the whole file (:mod:`kzlegalnlp.corpus.clean`); a document then
starts at the paragraph where one of these holds:

1. **Kind heading.** At the top of a page, the heading lines (short
   paragraphs without a final full stop, closer together than a paragraph gap)
   begin or end with a kind word: ``бағдарламасы`` / ``Программа`` ->
   programme, ``қатысушылар`` / ``ТІЗІМІ`` / ``СПИСОК`` -> participants,
   ``ҚАРАРЫ`` / ``РЕЗОЛЮЦИЯ`` -> resolution; the heading names the event
   (``конференция``, ``семинар``, ``дөңгелек үстел``...) or the kind word
   stands in capitals nearly alone, so neither a section heading like
   "Программа профилактики" nor a paper title like "ПРОГРАММА «ЦИФРОВОЙ
   КАЗАХСТАН»: ПРАВОВЫЕ РИСКИ" is one.
2. **Paper title.** A paragraph in capitals of at least three words at the top
   of a page, after a wider gap than usual, or right after author blocks;
   without author blocks, not where the citation numbers run on across it
   (``[4]`` before, ``[5]`` after: a section heading of the same paper). The
   paper starts at its author blocks when they precede it: walking back over
   short header paragraphs, as far as the top of the page, to the first
   author line (``SURNAME`` + ``Name Patronymic``, ``Surname Name
   Patronymic``, or a surname with initials: ``Петров П.П., к.ю.н.``).
   Several author blocks before one title make one paper. A classification
   code printed just above (``УДК 343.9``, ``ӘОЖ``, ``МРНТИ``) belongs to the
   paper, and makes a capitals paragraph below it a title even away from a
   page top.
3. **Untitled paper, numbering restarts.** A citation ``[1]`` followed by
   ``[2]`` after citations above 1 in the current paper: the new paper starts
   at a page top between the last old citation and the ``[1]``, after a line
   that ends a sentence; the page where the line spacing changes wins, else the
   one nearest the ``[1]``.
4. **Untitled paper, language changes.** At a page top after a finished
   sentence, the text before and the text after are in different languages.
5. **An article on its own.** A file that opens with no kind heading and no
   capitals title is one paper; when its head (short paragraphs before the
   abstract or the body) holds an author line, the title is the first head
   paragraph of three words or more before the authors, else the last one
   after them, in whatever case it is printed. Author blocks printed right
   after a title belong to the head too.

A document runs to the line before the next one starts, so every non-blank
line lies in exactly one document. In a paper, a paragraph matching
``reference_heading`` (``Литература``, ``Әдебиеттер тізімі``, ``References``)
starts the reference list, kept in ``Document.references``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from statistics import median
from typing import Sequence

from .clean import Layout, Line, group_lines, is_caps
from .lang import detect_lang
from .patterns import PATTERNS, author_at

HEADING_MAX_WORDS = 25
HEADING_MAX_GROUPS = 6
KIND_WORD_ALONE = 3  # "РЕЗОЛЮЦИЯ", "ҚАТЫСУШЫЛАР ТІЗІМІ": a kind heading without the event's name
TITLE_MIN_WORDS = 3
AUTHOR_WALK_BACK = 16
HEAD_MAX_GROUPS = 8  # paragraphs before an article's abstract or body: code, authors, positions, title
LANG_WINDOW = 1200
_KINDS = ("programme", "participants", "resolution")
_END = (".", "!", "?", "…", ".»", ".\"", ".)")


@dataclass
class Group:
    """A paragraph of printed lines, with what the splitter needs to know about it.

    >>> g = make_groups(*_demo())[0]
    >>> g.first, g.page_top, g.words, g.ends_sentence()
    (1, True, 4, False)
    """

    lines: list[Line]
    page_top: bool
    gap: int
    # the lines joined by spaces (raw: no de-hyphenation); every group's is read (citations)
    text: str = field(init=False, repr=False, compare=False)
    _words: int = field(default=-1, init=False, repr=False, compare=False)  # -1: not counted yet

    def __post_init__(self) -> None:
        self.text = " ".join([ln.text for ln in self.lines])

    @property
    def first(self) -> int:
        """Number of the first source line."""
        return self.lines[0].number

    @property
    def words(self) -> int:
        """Number of words (counted once, when first asked: a plain attribute is cheaper than
        ``functools.cached_property``, which takes a lock on Python 3.11)."""
        if self._words < 0:
            self._words = len(self.text.split())
        return self._words

    def ends_sentence(self) -> bool:
        """True when the last line ends with a full stop, ``!``, ``?`` or ``…``."""
        return self.lines[-1].text.endswith(_END)


@dataclass(frozen=True)
class Start:
    """A document start: the paragraph it starts at, its kind, and its printed title's paragraph.

    >>> find_starts(make_groups(*_demo()), _demo()[1])[0]
    Start(group=0, kind='paper', title_group=0)
    """

    group: int
    kind: str
    title_group: int | None = None  # paper: where the printed title is


def make_groups(lines: Sequence[Line], layout: Layout) -> list[Group]:
    """The paragraphs of the whole file, each marked as a page top or not, with the gap before it.

    >>> [(g.first, g.page_top) for g in make_groups(*_demo())]
    [(1, True), (4, False), (6, False), (7, True)]
    """
    out: list[Group] = []
    prev: Line | None = None
    after_page_number = True
    pages = sorted(layout.page_numbers)
    for group in group_lines(lines, layout):
        first = group[0]
        gap = first.number - prev.number - 1 if prev else 0
        # the first page number after ``prev`` comes before ``first``
        after = bisect_right(pages, prev.number) if prev is not None else len(pages)
        page_number_between = after < len(pages) and pages[after] < first.number
        out.append(Group(group, first.indented or page_number_between or after_page_number, gap))
        prev, after_page_number = group[-1], False
    return out


def heading_kind(groups: list[Group], i: int, layout: Layout) -> tuple[str, int] | None:
    """``(kind, index after the heading)`` when heading paragraphs at ``i`` name a kind.

    >>> groups = make_groups(*_demo())
    >>> heading_kind(groups, 3, _demo()[1]), heading_kind(groups, 0, _demo()[1])
    (('resolution', 4), None)
    """
    if PATTERNS["reference_heading"].matches(groups[i].text):
        return None  # "Әдебиеттер тізімі", "Список литературы": a list, but of references
    kind, alone = None, False
    j = i
    while j < len(groups) and j - i < HEADING_MAX_GROUPS:
        g = groups[j]
        if j > i and (g.gap > layout.gap or g.words > HEADING_MAX_WORDS):
            break
        if g.words > HEADING_MAX_WORDS or (g.ends_sentence() and g.words > 3):
            break
        words = g.text.split()
        for name in _KINDS:
            ends = (words[0], words[-1], " ".join(words[:2]), " ".join(words[-2:]))
            hit = next((w for w in ends if PATTERNS[name].regex.fullmatch(w.strip("«»\"':,."))), None)
            if kind is None and hit:  # the kind word in capitals with little else on its paragraph
                kind, alone = name, is_caps(hit) and len(words) <= KIND_WORD_ALONE
        j += 1
    if kind is None:
        return None
    # a section heading such as "Программа профилактики", or a paper title such as
    # "ПРОГРАММА «ЦИФРОВОЙ КАЗАХСТАН»: ПРАВОВЫЕ РИСКИ", is no programme: the heading
    # must name the event, or be the kind word in capitals and little else
    heading = " ".join(g.text for g in groups[i:j])
    return (kind, j) if alone or PATTERNS["event"].search(heading) else None


def is_author_group(groups: list[Group], k: int) -> bool:
    """Group ``k`` opens an author block (see :func:`author_at`)."""
    texts = [ln.text for ln in groups[k].lines[:2]]
    if len(texts) < 2 and k + 1 < len(groups):
        texts.append(groups[k + 1].lines[0].text)
    return author_at(texts, 0) is not None


def _is_title(groups: list[Group], k: int) -> bool:
    g = groups[k]
    return is_caps(g.text) and g.words >= TITLE_MIN_WORDS and not is_author_group(groups, k)


def _paper_start(groups: list[Group], t: int) -> int:
    """Index of the first author block before title ``t`` (or ``t`` itself)."""
    start = t
    k = t - 1
    while k >= 0 and t - k <= AUTHOR_WALK_BACK:
        g = groups[k]
        if g.words > HEADING_MAX_WORDS or _is_title(groups, k):
            break
        if is_author_group(groups, k):
            start = k
        if g.page_top:
            break
        k -= 1
    # a classification code ("УДК 343.9", "ӘОЖ", "МРНТИ") is printed above the authors
    while start > 0 and PATTERNS["classification_code"].matches(groups[start - 1].text):
        start -= 1
    return start


def _citations(groups: list[Group]) -> list[tuple[int, int]]:
    """``(group index, number)`` of every bracketed citation, in reading order."""
    out = []
    for i, g in enumerate(groups):
        for m in PATTERNS["citation"].regex.finditer(g.text):
            out.append((i, int(m.group(1))))
    return out


def _numbering_goes_on(cites: list[tuple[int, int]], i: int) -> bool:
    """The citation numbers run on across group ``i`` (``[4]`` before, ``[5]`` after):
    a capitals line there is a section heading of the same paper, not a new title."""
    before = [n for g, n in cites if g < i]
    after = [n for g, n in cites if g >= i]
    return bool(before and after) and before[-1] >= 2 and after[0] in (before[-1], before[-1] + 1)


def _local_gap(groups: list[Group], i: int, after: bool) -> float:
    lines: list[Line] = []
    rng = range(i, min(len(groups), i + 4)) if after else range(max(0, i - 4), i)
    for k in rng:
        lines.extend(groups[k].lines)
    gaps = [b.number - a.number - 1 for a, b in zip(lines, lines[1:])]
    return median(gaps) if gaps else 0.0


def _fresh_page(groups: list[Group], i: int) -> bool:
    """A page top where the previous paragraph finished a sentence and a capital starts."""
    g = groups[i]
    return (i > 0 and g.page_top and groups[i - 1].ends_sentence()
            and (g.text[:1].isupper() or g.text[:1] in "«\""))


def _restart_starts(groups: list[Group], starts: dict[int, Start],
                    cites: list[tuple[int, int]]) -> dict[int, Start]:
    found: dict[int, Start] = {}
    for k, (gi, number) in enumerate(cites):
        if number != 1 or k == 0 or k + 1 >= len(cites) or cites[k + 1][1] != 2:
            continue
        last_old = cites[k - 1][0]
        if cites[k - 1][1] < 2 or _kind_at(starts, gi) != "paper":
            continue
        if any(last_old < s <= gi for s in starts):
            continue  # a titled paper already starts there
        candidates = [i for i in range(last_old + 1, gi + 1) if _fresh_page(groups, i)]
        if not candidates:
            continue
        # the page where the line spacing changes, else the one nearest the [1]
        changed = [i for i in candidates if _local_gap(groups, i, False) != _local_gap(groups, i, True)]
        pick = changed[0] if changed else candidates[-1]
        found[pick] = Start(pick, "paper")
    return found


def _window_lang(groups: list[Group], i: int, stop: int, after: bool) -> str | None:
    """Language of about :data:`LANG_WINDOW` characters after (or before) group ``i``,
    never reading past group ``stop`` (a known document start)."""
    parts: list[str] = []
    k = i if after else i - 1
    while (k < stop if after else k >= stop) and sum(map(len, parts)) < LANG_WINDOW:
        parts.append(groups[k].text)
        k = k + 1 if after else k - 1
    text = " ".join(parts)
    return detect_lang(text) if len(text) >= LANG_WINDOW // 2 else None


def _language_starts(groups: list[Group], starts: dict[int, Start]) -> dict[int, Start]:
    found: dict[int, Start] = {}
    for i in range(1, len(groups)):
        if i in starts or not _fresh_page(groups, i) or _kind_at(starts, i) != "paper":
            continue
        begin = max(s for s in starts if s < i)
        end = min((s for s in starts if s > i), default=len(groups))
        before = _window_lang(groups, i, begin, False)
        after = _window_lang(groups, i, end, True)
        if before and after and before != after:
            found[i] = Start(i, "paper")
    return found


def opens_body(groups: list[Group], k: int) -> bool:
    """Group ``k`` ends an article's head: it opens the abstract (``Аннотация.``,
    ``Түйін сөздер:``) or is body text (long, or a finished sentence that is not
    an author line such as ``Петров П.П., к.ю.н.``).

    >>> groups = make_groups(*_demo())
    >>> opens_body(groups, 0), opens_body(groups, 1)
    (False, False)
    """
    g = groups[k]
    if PATTERNS["section_label"].regex.match(g.text) or g.words > HEADING_MAX_WORDS:
        return True
    return g.ends_sentence() and g.words > 3 and not is_author_group(groups, k)


def _head_title(groups: list[Group], stop: int) -> int | None:
    """The printed title of a paper that opens the file without a capitals title.

    A journal article saved on its own usually opens with a head of short lines
    (a classification code, author blocks, positions, the title) and then its
    abstract or body. The title is the first head paragraph of three words or
    more printed before the authors, or else the last one after them. None
    without authors, or when no body follows within :data:`HEAD_MAX_GROUPS`.
    """
    candidates: list[int] = []
    first_author = None
    for k in range(min(stop, HEAD_MAX_GROUPS)):
        g = groups[k]
        if opens_body(groups, k):
            break
        if is_author_group(groups, k):
            first_author = k if first_author is None else first_author
        elif g.words >= TITLE_MIN_WORDS and not PATTERNS["classification_code"].matches(g.text):
            candidates.append(k)
    else:
        return None
    if first_author is None or not candidates:
        return None
    before = [k for k in candidates if k < first_author]
    return before[0] if before else candidates[-1]


def _kind_at(starts: dict[int, Start], i: int) -> str | None:
    before = [s for s in starts if s <= i]
    return starts[max(before)].kind if before else None


def find_starts(groups: list[Group], layout: Layout) -> list[Start]:
    """Where documents start, by the rules in the module docstring.

    >>> [(s.group, s.kind) for s in find_starts(make_groups(*_demo()), _demo()[1])]
    [(0, 'paper'), (3, 'resolution')]
    """
    starts: dict[int, Start] = {}
    cites = _citations(groups)
    i = 0
    while i < len(groups):
        g = groups[i]
        wide = g.gap >= layout.gap + 2
        heading = heading_kind(groups, i, layout) if (g.page_top or wide) else None
        if heading:
            starts[i] = Start(i, heading[0])
            i = heading[1]
            continue
        if _is_title(groups, i) and (g.page_top or wide or _paper_start(groups, i) < i):
            first = _paper_start(groups, i)
            if not any(first <= s < i for s in starts) and (first < i or not _numbering_goes_on(cites, i)):
                starts[first] = Start(first, "paper", i)
        i += 1
    if 0 not in starts:
        starts[0] = Start(0, "paper", _head_title(groups, min(starts, default=len(groups))))
    starts.update(_restart_starts(groups, starts, cites))
    starts.update(_language_starts(groups, starts))
    return [starts[k] for k in sorted(starts)]


def _demo() -> tuple[list[Line], Layout]:
    """A tiny proceedings page pair used by the examples above."""
    from .clean import split_lines

    text = " ҚЫЛМЫСҚА ҚАРСЫ КҮРЕС ТӘЖІРИБЕСІ\n\n\nМәтін бірінші сөйлем.\n\nСоңы.\n РЕЗОЛЮЦИЯ\n"
    lines = split_lines(text)
    return lines, Layout.of(lines)


__all__ = ["Group", "Start", "make_groups", "find_starts", "heading_kind", "is_author_group", "opens_body"]
