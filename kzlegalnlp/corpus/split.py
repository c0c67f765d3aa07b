"""Splitting a file into documents and assembling each :class:`Document`.

News files give one document (:mod:`kzlegalnlp.corpus.news`). A proceedings
file is cut where :func:`kzlegalnlp.corpus.starts.find_starts` says, by the
printing conventions listed there. A document runs to the line before the next
one starts, so every non-blank line lies in exactly one document. In a paper,
the author block and the title are left out of the body; a paragraph matching
``reference_heading`` (``Литература``, ``Әдебиеттер тізімі``, ``References``)
starts the reference list, kept in ``Document.references``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..errors import EmptyFileError
from ..records import Document, Paragraph
from .clean import (HyphenRule, Layout, Line, build_paragraph, first_characters, is_page_number, paragraph_text,
                    split_lines)
from .io import SourceText
from .lang import SAMPLE_CHARS, ScriptTotals, detect_lang
from .news import first_sentence, news_document
from .patterns import PATTERNS, author_at, find_date
from .starts import (HEAD_MAX_GROUPS, Group, Start, find_starts, heading_kind, is_author_group, make_groups,
                     opens_body)


def proceedings_documents(src: SourceText, lines: Sequence[Line] | None = None,
                          layout: Layout | None = None) -> list[Document]:
    """Split a proceedings file into documents.

    >>> from pathlib import Path
    >>> text = " СОРОКУН\\n\\nНиколай Сергеевич\\n\\nдоцент\\n\\n\\nТЕМА НОВОЙ СТАТЬИ ЗДЕСЬ\\n\\n\\nТекст статьи.\\n"
    >>> doc = proceedings_documents(SourceText(Path("p.txt"), "p.txt", text, "utf-8"))[0]
    >>> doc.kind, doc.authors, doc.title, doc.paragraphs[0].text
    ('paper', ('СОРОКУН Николай Сергеевич',), 'ТЕМА НОВОЙ СТАТЬИ ЗДЕСЬ', 'Текст статьи.')

    Args:
        src: The decoded file (hard-wrapped: one printed line per line).
        lines: ``split_lines(src.text)``, when the caller has it already.
        layout: ``Layout.of(lines)``, likewise.

    Returns:
        The documents, in file order.
    """
    lines = lines if lines is not None else split_lines(src.text)
    layout = layout or Layout.of(lines)
    rule = HyphenRule.for_text(src.text)
    groups = make_groups(lines, layout)
    starts = find_starts(groups, layout)
    scripts = _group_scripts(src.text, groups)
    docs = []
    for k, start in enumerate(starts):
        end = starts[k + 1].group if k + 1 < len(starts) else len(groups)
        docs.append(_document(src, lines, groups[start.group:end], start, rule, layout, scripts[start.group:end]))
    date = next((find_date(" ".join(g.text for g in groups[s.group:s.group + 12]))
                 for s in starts if s.kind == "programme"), None)
    if date:
        docs = [_with_date(d, date) for d in docs]
    return docs


def _group_scripts(text: str, groups: list[Group]) -> list[tuple[int, int, int] | None]:
    """The script counts (:class:`ScriptTotals`) of each group's paragraph, read off the source
    at once, or ``None`` for a paragraph longer than the language sample (it is counted on its
    sample). A paragraph holds the letters of its source span: cleaning drops or replaces only
    hyphens and white space, and the lines it skips (blank lines, page numbers) hold no letter.
    """
    spans = ScriptTotals(text).spans([g.lines[0].start for g in groups], [g.lines[-1].end for g in groups])
    # a paragraph's text is never longer than its group's (joins only drop characters)
    return [c if len(g.text) <= SAMPLE_CHARS else None for g, c in zip(groups, spans)]


def _with_date(doc: Document, date: str) -> Document:
    return replace(doc, date=doc.date or date)


def _document(src: SourceText, lines: Sequence[Line], groups: list[Group], start: Start,
              rule: HyphenRule, layout: Layout, scripts: list[tuple[int, int, int] | None]) -> Document:
    head, title_text, body_from = _head(groups, start, rule, layout)
    body_groups, body_scripts = groups[body_from:], scripts[body_from:]
    ref_at = None
    if start.kind == "paper":
        ref_at = next((k for k, g in enumerate(body_groups) if _opens_references(g.text)), None)
    refs, ref_scripts = (body_groups[ref_at + 1:], body_scripts[ref_at + 1:]) if ref_at is not None else ([], [])
    if ref_at is not None:
        body_groups, body_scripts = body_groups[:ref_at], body_scripts[:ref_at]
    lang = _document_lang(start.kind, title_text, body_groups)
    paragraphs = _paragraphs(body_groups, body_scripts, rule, lang)
    references = _paragraphs(refs, ref_scripts, rule, lang)
    derived = title_text is None and start.kind == "paper"
    if title_text is not None:
        title = title_text
    else:  # the body is joined only for a title made from its first sentence
        title = first_sentence("\n\n".join(p.text for p in paragraphs)) if derived else None
    authors, affiliation = _authors(head, rule)
    first_line = groups[0].lines[0]
    if start.group == 0:  # page numbers above the first document belong to it
        first_line = next(ln for ln in lines if ln.text)
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


def _paragraphs(groups: list[Group], scripts: list[tuple[int, int, int] | None], rule: HyphenRule,
                lang: str) -> tuple[Paragraph, ...]:
    """The paragraphs of ``groups`` in a document in ``lang``, with their script counts."""
    # a group's text is its lines joined: the paragraph's text unless a line needs cleaning
    return tuple(build_paragraph(g.lines, rule, k, context=lang, joined=g.text, scripts=c)
                 for k, (g, c) in enumerate(zip(groups, scripts)))


# the characters a reference-list heading can begin with: a paragraph opening with none is not tried
_REFERENCE_HEADS = first_characters(PATTERNS["reference_heading"].regex)


def _opens_references(text: str) -> bool:
    """``text`` is a reference-list heading (``Литература``, ``References``...).

    >>> _opens_references("Пайдаланылған әдебиеттер тізімі"), _opens_references("Мәтін. Литература")
    (True, False)
    """
    head = text.lstrip()[:1]
    return (head in _REFERENCE_HEADS or head > "\uffff") and bool(PATTERNS["reference_heading"].matches(text))


def _document_lang(kind: str, title: str | None, body: list[Group]) -> str:
    """A paper's language is its body's; a programme's, list's or resolution's is
    its heading's (their bodies mix languages: names, positions, table cells)."""
    text = " ".join(g.text for g in body[:40])[:4000]
    if kind == "paper" and text:
        return detect_lang(text)
    return detect_lang(title or text)


def _last_line(lines: Sequence[Line], groups: list[Group]) -> Line:
    """The last non-blank line before the next document (page numbers included)."""
    last = groups[-1].lines[-1]
    k = last.number  # index of the line after ``last``
    while k < len(lines) and (not lines[k].text or is_page_number(lines, k)):
        k += 1
    end = k  # first line of the next document, or len(lines)
    for j in range(end - 1, last.number - 1, -1):
        if lines[j].text:
            return lines[j]
    return last


def _head(groups: list[Group], start: Start, rule: HyphenRule,
          layout: Layout) -> tuple[list[Line], str | None, int]:
    """``(author-block lines, title, index of the first body group)`` of a document."""
    if start.kind != "paper":
        heading = heading_kind(groups, 0, layout)
        end = heading[1] if heading else 1
        lines = [ln for g in groups[:end] for ln in g.lines]
        return [], paragraph_text(lines, rule), end
    if start.title_group is None:
        return [], None, 0
    t = start.title_group - start.group
    title_lines = list(groups[t].lines)
    body_from = _authors_after_title(groups, t + 1)
    head = groups[:t] + groups[t + 1:body_from]
    return [ln for g in head for ln in g.lines], paragraph_text(title_lines, rule), body_from


def _authors_after_title(groups: list[Group], k: int) -> int:
    """Index of the first body group when author blocks (and their position lines)
    follow the title, as many journals print them; ``k`` when none does."""
    if k >= len(groups) or not is_author_group(groups, k):
        return k
    end = k
    while end < len(groups) and end - k < HEAD_MAX_GROUPS and not opens_body(groups, end):
        end += 1
    return end


def _authors(head: list[Line], rule: HyphenRule) -> tuple[tuple[str, ...], str | None]:
    """Authors ("SURNAME Name Patronymic" as printed) and the first author's position lines."""
    authors: list[str] = []
    positions: list[list[Line]] = []
    texts = [ln.text for ln in head]
    k = 0
    while k < len(head):
        found = author_at(texts, k)
        if found:
            authors.append(found[0])
            positions.append([])
            k += found[1]
            continue
        if positions:
            positions[-1].append(head[k])
        k += 1
    affiliation = paragraph_text(positions[0], rule) if positions and positions[0] else None
    return tuple(authors), affiliation


def split_source(src: SourceText) -> list[Document]:
    """All documents of one decoded file: news files give one, proceedings several.

    A file without a ` date` header whose lines are paragraphs (not hard-wrapped:
    a news page, a DOCX) is one ``news`` document; a hard-wrapped file (PDF text)
    is split as proceedings.

    Raises:
        EmptyFileError: the file holds nothing but white space and page numbers.

    >>> from pathlib import Path
    >>> src = SourceText(Path("n.txt"), "n.txt", "date 2026-01-16 Тақырып\\nМәтін.\\n", "utf-8")
    >>> [d.kind for d in split_source(src)]
    ['news']
    """
    lines = split_lines(src.text)
    printed = [ln for ln in lines if ln.text]
    if not printed or all(is_page_number(lines, ln.number - 1) for ln in printed):
        raise EmptyFileError(str(src.path), "no text found (only page numbers or white space)")
    header = PATTERNS["news_header"].regex.match(printed[0].text)
    layout = Layout.of(lines)
    if header or not layout.wrapped:
        return [news_document(src, lines, layout)]
    return proceedings_documents(src, lines, layout)


__all__ = ["split_source", "proceedings_documents", "find_starts"]
