"""Splitting a proceedings file into documents.

The splitter follows printing conventions, not one file. Paragraphs are built
first over the whole file (:mod:`kzlegalnlp.corpus.clean`); a document then
starts at the paragraph where one of these holds:

1. **Kind heading.** At the top of a page, the heading lines (short
   paragraphs without a final full stop, closer together than a paragraph gap)
   begin or end with a kind word: ``бағдарламасы`` / ``Программа`` ->
   programme, ``қатысушылар`` / ``ТІЗІМІ`` / ``СПИСОК`` -> participants,
   ``ҚАРАРЫ`` / ``РЕЗОЛЮЦИЯ`` -> resolution.
2. **Paper title.** A paragraph in capitals of at least three words at the top
   of a page, after a wider gap than usual, or right after author blocks. The
   paper starts at its author blocks when they precede it: walking back over
   short header paragraphs, as far as the top of the page, to the first
   author line (``SURNAME`` + ``Name Patronymic``, or ``Surname Name
   Patronymic``). Several author blocks before one title make one paper.
3. **Untitled paper, numbering restarts.** A citation ``[1]`` followed by
   ``[2]`` after citations above 1 in the current paper: the new paper starts
   at a page top between the last old citation and the ``[1]``, after a line
   that ends a sentence; the page where the line spacing changes wins, else the
   one nearest the ``[1]``.
4. **Untitled paper, language changes.** At a page top after a finished
   sentence, the text before and the text after are in different languages.

A document runs to the line before the next one starts, so every non-blank
line lies in exactly one document. In a paper, a paragraph matching
``reference_heading`` (``Литература``, ``Әдебиеттер тізімі``, ``References``)
starts the reference list, kept in ``Document.references``.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Sequence

from ..records import Document, Paragraph
from .clean import (
    HyphenRule,
    Layout,
    Line,
    _is_caps,
    build_paragraph,
    group_lines,
    is_page_number,
    is_wrapped,
    split_lines,
)
from .io import SourceText
from .lang import detect_lang
from .news import first_sentence
from .patterns import PATTERNS, find_date

HEADING_MAX_WORDS = 25
HEADING_MAX_GROUPS = 6
TITLE_MIN_WORDS = 3
AUTHOR_WALK_BACK = 16
LANG_WINDOW = 1200
_KINDS = ("programme", "participants", "resolution")
_END = (".", "!", "?", "…", ".»", ".\"", ".)")


@dataclass
class _Group:
    """A paragraph of printed lines, with what the splitter needs to know about it."""

    lines: list[Line]
    page_top: bool
    gap: int

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def words(self) -> int:
        return len(self.text.split())

    def ends_sentence(self) -> bool:
        return self.lines[-1].text.endswith(_END)


@dataclass(frozen=True)
class _Start:
    group: int
    kind: str
    title_group: int | None = None  # paper: where the printed title is


def _groups(lines: Sequence[Line], layout: Layout) -> list[_Group]:
    out: list[_Group] = []
    prev: Line | None = None
    after_page_number = True
    for group in group_lines(lines, layout):
        first = group[0]
        gap = first.number - prev.number - 1 if prev else 0
        page_number_between = prev is not None and any(
            prev.number < n < first.number for n in layout.page_numbers)
        out.append(_Group(group, first.indented or page_number_between or after_page_number, gap))
        prev, after_page_number = group[-1], False
    return out


def _heading_kind(groups: list[_Group], i: int, layout: Layout) -> tuple[str, int] | None:
    """``(kind, index after the heading)`` when heading paragraphs at ``i`` name a kind."""
    kind = None
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
            if kind is None and any(PATTERNS[name].regex.fullmatch(w.strip("«»\"':,.")) for w in ends):
                kind = name
        j += 1
    return (kind, j) if kind else None


def _is_author_line(text: str) -> bool:
    return bool(PATTERNS["caps_surname"].matches(text) or PATTERNS["full_name_line"].matches(text))


def _is_title(g: _Group) -> bool:
    return _is_caps(g.text) and g.words >= TITLE_MIN_WORDS and not _is_author_line(g.lines[0].text)


def _paper_start(groups: list[_Group], t: int) -> int:
    """Index of the first author block before title ``t`` (or ``t`` itself)."""
    start = t
    k = t - 1
    while k >= 0 and t - k <= AUTHOR_WALK_BACK:
        g = groups[k]
        if g.words > HEADING_MAX_WORDS or _is_title(g):
            break
        if _is_author_line(g.lines[0].text):
            start = k
        if g.page_top:
            break
        k -= 1
    return start


def _citations(groups: list[_Group]) -> list[tuple[int, int]]:
    """``(group index, number)`` of every bracketed citation, in reading order."""
    out = []
    for i, g in enumerate(groups):
        for m in PATTERNS["citation"].regex.finditer(g.text):
            out.append((i, int(m.group(1))))
    return out


def _local_gap(groups: list[_Group], i: int, after: bool) -> float:
    lines: list[Line] = []
    rng = range(i, min(len(groups), i + 4)) if after else range(max(0, i - 4), i)
    for k in rng:
        lines.extend(groups[k].lines)
    gaps = [b.number - a.number - 1 for a, b in zip(lines, lines[1:])]
    return median(gaps) if gaps else 0.0


def _fresh_page(groups: list[_Group], i: int) -> bool:
    """A page top where the previous paragraph finished a sentence and a capital starts."""
    g = groups[i]
    return (i > 0 and g.page_top and groups[i - 1].ends_sentence()
            and (g.text[:1].isupper() or g.text[:1] in "«\""))


def _restart_starts(groups: list[_Group], starts: dict[int, _Start]) -> dict[int, _Start]:
    found: dict[int, _Start] = {}
    cites = _citations(groups)
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
        changed = [i for i in candidates if _local_gap(groups, i, False) != _local_gap(groups, i, True)]
        pick = (changed or candidates)[0 if changed else -1]
        found[pick] = _Start(pick, "paper")
    return found


def _window_lang(groups: list[_Group], i: int, stop: int, after: bool) -> str | None:
    """Language of about :data:`LANG_WINDOW` characters after (or before) group ``i``,
    never reading past group ``stop`` (a known document start)."""
    parts: list[str] = []
    k = i if after else i - 1
    while (k < stop if after else k >= stop) and sum(map(len, parts)) < LANG_WINDOW:
        parts.append(groups[k].text)
        k = k + 1 if after else k - 1
    text = " ".join(parts)
    return detect_lang(text) if len(text) >= LANG_WINDOW // 2 else None


def _language_starts(groups: list[_Group], starts: dict[int, _Start]) -> dict[int, _Start]:
    found: dict[int, _Start] = {}
    for i in range(1, len(groups)):
        if i in starts or not _fresh_page(groups, i) or _kind_at(starts, i) != "paper":
            continue
        begin = max(s for s in starts if s < i)
        end = min((s for s in starts if s > i), default=len(groups))
        before = _window_lang(groups, i, begin, False)
        after = _window_lang(groups, i, end, True)
        if before and after and before != after:
            found[i] = _Start(i, "paper")
    return found


def _kind_at(starts: dict[int, _Start], i: int) -> str | None:
    before = [s for s in starts if s <= i]
    return starts[max(before)].kind if before else None


def find_starts(groups: list[_Group], layout: Layout) -> list[_Start]:
    """Where documents start, by the rules in the module docstring."""
    starts: dict[int, _Start] = {}
    i = 0
    while i < len(groups):
        g = groups[i]
        wide = g.gap >= layout.gap + 2
        heading = _heading_kind(groups, i, layout) if (g.page_top or wide) else None
        if heading:
            starts[i] = _Start(i, heading[0])
            i = heading[1]
            continue
        if _is_title(g) and (g.page_top or wide or (i > 0 and _is_author_line(groups[i - 1].lines[0].text)
                                                   or _paper_start(groups, i) < i)):
            first = _paper_start(groups, i)
            if not any(first <= s < i for s in starts):
                starts[first] = _Start(first, "paper", i)
        i += 1
    if 0 not in starts:
        starts[0] = _Start(0, "paper")
    starts.update(_restart_starts(groups, starts))
    starts.update(_language_starts(groups, starts))
    return [starts[k] for k in sorted(starts)]


def proceedings_documents(src: SourceText, lines: Sequence[Line] | None = None) -> list[Document]:
    """Split a proceedings file into documents.

    Args:
        src: The decoded file (hard-wrapped: one printed line per line).
        lines: ``split_lines(src.text)``, when the caller has it already.

    Returns:
        The documents, in file order.
    """
    lines = lines if lines is not None else split_lines(src.text)
    layout = Layout.of(lines)
    rule = HyphenRule.from_text(src.text)
    groups = _groups(lines, layout)
    starts = find_starts(groups, layout)
    docs = []
    for k, start in enumerate(starts):
        end = starts[k + 1].group if k + 1 < len(starts) else len(groups)
        docs.append(_document(src, lines, groups[start.group:end], start, rule, layout))
    date = next((find_date(" ".join(g.text for g in groups[s.group:s.group + 12]))
                 for s in starts if s.kind == "programme"), None)
    if date:
        docs = [_with_date(d, date) for d in docs]
    return docs


def _with_date(doc: Document, date: str) -> Document:
    from dataclasses import replace

    return replace(doc, date=doc.date or date)


def _document(src: SourceText, lines: Sequence[Line], groups: list[_Group], start: _Start,
              rule: HyphenRule, layout: Layout) -> Document:
    head, title_text, body_from = _head(groups, start, rule, layout)
    body_groups = groups[body_from:]
    ref_at = next((k for k, g in enumerate(body_groups)
                   if start.kind == "paper" and PATTERNS["reference_heading"].matches(g.text)), None)
    refs = body_groups[ref_at + 1:] if ref_at is not None else []
    body_groups = body_groups[:ref_at] if ref_at is not None else body_groups
    lang = _document_lang(start.kind, title_text, body_groups)
    paragraphs = tuple(build_paragraph(g.lines, rule, k, context=lang) for k, g in enumerate(body_groups))
    references = tuple(build_paragraph(g.lines, rule, k, context=lang) for k, g in enumerate(refs))
    body = "\n\n".join(p.text for p in paragraphs)
    derived = title_text is None and start.kind == "paper"
    title = title_text if title_text is not None else (first_sentence(body) if derived else None)
    authors, affiliation = _authors(head, rule)
    first_line = groups[0].lines[0]
    last_line = _last_line(lines, groups)
    return Document(
        doc_id=f"{src.stem}:{start.kind}:L{first_line.number}",
        source=src.name,
        kind=start.kind,
        lang=lang,
        title=title or None,
        authors=authors,
        affiliation=affiliation,
        date=None,
        line_start=first_line.number,
        line_end=last_line.number,
        char_start=first_line.start,
        char_end=last_line.end,
        paragraphs=paragraphs,
        references=references,
        title_derived=derived and bool(title),
    )


def _document_lang(kind: str, title: str | None, body: list[_Group]) -> str:
    """A paper's language is its body's; a programme's, list's or resolution's is
    its heading's (their bodies mix languages: names, positions, table cells)."""
    text = " ".join(g.text for g in body[:40])[:4000]
    if kind == "paper" and text:
        return detect_lang(text)
    return detect_lang(title or text)


def _last_line(lines: Sequence[Line], groups: list[_Group]) -> Line:
    """The last non-blank line before the next document (page numbers included)."""
    last = groups[-1].lines[-1]
    k = last.number  # index of the line after ``last``
    while k < len(lines) and (lines[k].blank or is_page_number(lines, k)):
        k += 1
    end = k  # first line of the next document, or len(lines)
    for j in range(end - 1, last.number - 1, -1):
        if not lines[j].blank:
            return lines[j]
    return last


def _head(groups: list[_Group], start: _Start, rule: HyphenRule,
          layout: Layout) -> tuple[list[Line], str | None, int]:
    """``(author-block lines, title, index of the first body group)`` of a document."""
    if start.kind != "paper":
        heading = _heading_kind(groups, 0, layout)
        end = heading[1] if heading else 1
        lines = [ln for g in groups[:end] for ln in g.lines]
        return [], build_paragraph(lines, rule, 0).text, end
    if start.title_group is None:
        return [], None, 0
    t = start.title_group - start.group
    title_lines = list(groups[t].lines)
    return ([ln for g in groups[:t] for ln in g.lines],
            build_paragraph(title_lines, rule, 0).text, t + 1)


def _authors(head: list[Line], rule: HyphenRule) -> tuple[tuple[str, ...], str | None]:
    """Authors ("SURNAME Name Patronymic" as printed) and the first author's position lines."""
    authors: list[str] = []
    positions: list[list[Line]] = []
    k = 0
    while k < len(head):
        text = head[k].text
        if PATTERNS["full_name_line"].matches(text):
            authors.append(" ".join(text.split()))
            positions.append([])
        elif PATTERNS["caps_surname"].matches(text):
            name = head[k + 1].text if k + 1 < len(head) else ""
            if PATTERNS["name_line"].matches(name):
                authors.append(f"{text.strip()} {' '.join(name.split())}")
                k += 1
            else:
                authors.append(text.strip())
            positions.append([])
        elif positions:
            positions[-1].append(head[k])
        k += 1
    affiliation = build_paragraph(positions[0], rule, 0).text if positions and positions[0] else None
    return tuple(authors), affiliation


def split_source(src: SourceText) -> list[Document]:
    """All documents of one decoded file: news files give one, proceedings several.

    >>> from pathlib import Path
    >>> src = SourceText(Path("n.txt"), "n.txt", "date 2026-01-16 Тақырып\\nМәтін.\\n", "utf-8")
    >>> [d.kind for d in split_source(src)]
    ['news']
    """
    from .news import news_document

    lines = split_lines(src.text)
    printed = [ln for ln in lines if not ln.blank]
    if not printed:
        return []
    header = PATTERNS["news_header"].regex.match(printed[0].text)
    if header or not is_wrapped(lines):
        return [news_document(src, lines)]
    return proceedings_documents(src, lines)


__all__ = ["split_source", "proceedings_documents", "find_starts"]
