"""News files: one document per file, date and title from the ``date`` header.

A news file starts with `` date YYYY-MM-DD`` followed either by the title (a
line without a final full stop) or directly by the first paragraph. A file
without the header may open with its headline and a dateline instead (see
:func:`_printed_head`). Without a printed title the title is the first sentence
of the body and ``title_derived`` is set. Every line is a paragraph (news sites
are not hard-wrapped); a wrapped file is rebuilt like any other.

>>> from kzlegalnlp.corpus.io import SourceText
>>> from pathlib import Path
>>> src = SourceText(Path("n.txt"), "n.txt", " date 2026-01-16 Алаяқтық азайды\\nБірінші абзац.\\n", "utf-8")
>>> doc = news_document(src)
>>> doc.date, doc.title, doc.title_derived, doc.paragraphs[0].text
('2026-01-16', 'Алаяқтық азайды', False, 'Бірінші абзац.')
"""

from __future__ import annotations

import re
from typing import Sequence

from ..records import Document
from .clean import HyphenRule, Layout, Line, build_paragraph, group_lines, split_lines
from .io import SourceText
from .lang import detect_lang
from .patterns import PATTERNS, find_date

MAX_TITLE_WORDS = 30
DATELINE_WORDS = 6
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
DERIVED_TITLE_CHARS = 160
# a candidate sentence end: the mark, then a capital (or the end of the text)
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[«\"“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\s*$)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)$")
# abbreviations that end in a full stop and are followed by a capital inside a
# sentence: "г. Алматы", "им. Есболатова", "гр. Т.", "обл.", "ул." (initials, one
# letter, are caught by their length)
_ABBREVIATIONS = frozenset({"им", "гр", "обл", "ул", "пр", "проф", "ст", "тел"})
# a headline may ask or exclaim ("Кім кінәлі?"), but a full stop ends body text
_ENDS_STATEMENT = re.compile(r"[.…][»\"”)]*$")


def first_sentence(text: str, limit: int = DERIVED_TITLE_CHARS) -> str:
    """The first sentence of ``text``, without its final full stop, cut at ``limit`` characters.

    >>> first_sentence("Сот үкім шығарды. Екінші сөйлем.")
    'Сот үкім шығарды'
    >>> first_sentence("Сөз " * 60)[-1]
    '…'
    """
    text = " ".join(text.split())
    sentence = text[:_sentence_end(text)].rstrip(".")
    if len(sentence) > limit:
        cut = sentence[:limit].rsplit(" ", 1)[0]
        sentence = cut + "…"
    return sentence


def _sentence_end(text: str) -> int:
    """Offset just past the first sentence's final mark (the text's length when none).

    A full stop after an initial or an abbreviation (``гражданин К. Иванов``,
    ``г. Алматы``) does not end the sentence.

    >>> text = "Суд в г. Алматы осудил гражданина К. Иванова. Жалоба отклонена."
    >>> text[:_sentence_end(text)]
    'Суд в г. Алматы осудил гражданина К. Иванова.'
    """
    for mark in _SENTENCE_END.finditer(text):
        word = _WORD_BEFORE.search(text, 0, mark.start())
        if mark.group() == "." and word and (len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS):
            continue
        return mark.end()
    return len(text)


def _is_title(text: str) -> bool:
    """A header remainder is a title when it is short and ends in no full stop.

    >>> _is_title("Алаяқтықпен қалай күресу керек?"), _is_title("Полиция екі адамды ұстады.")
    (True, False)
    """
    return bool(text) and len(text.split()) <= MAX_TITLE_WORDS and not _ENDS_STATEMENT.search(text)


def news_document(src: SourceText, lines: Sequence[Line] | None = None,
                  layout: Layout | None = None) -> Document:
    """Make the single :class:`Document` of a news file.

    Args:
        src: The decoded file.
        lines: ``split_lines(src.text)``, when the caller has it already.
        layout: ``Layout.of(lines)``, likewise.

    Returns:
        A document of kind ``news``.

    >>> from pathlib import Path
    >>> doc = news_document(SourceText(Path("n.txt"), "n.txt", "Жиын өтті. Шешім қабылданды.\\n", "utf-8"))
    >>> doc.title, doc.title_derived, doc.date
    ('Жиын өтті', True, None)
    """
    lines = lines if lines is not None else split_lines(src.text)
    printed = [ln for ln in lines if ln.text]
    rule = HyphenRule.for_text(src.text)
    date, title, body = _header(printed)
    layout = layout or Layout.of(lines)
    groups = group_lines(body, layout)
    lang = detect_lang(" ".join(ln.text for ln in body)[:4000] or (title or ""))
    paragraphs = [build_paragraph(g, rule, k, context=lang) for k, g in enumerate(groups)]
    text = "\n\n".join(p.text for p in paragraphs)
    derived = title is None
    if derived:
        title = first_sentence(text) or None
    first, last = printed[0], printed[-1]
    return Document(
        doc_id=f"{src.stem}:news:L{first.number}",
        source=src.name,
        kind="news",
        lang=lang,
        title=title,
        authors=(),
        affiliation=None,
        date=date,
        line_start=first.number,
        line_end=last.number,
        char_start=first.start,
        char_end=last.end,
        paragraphs=tuple(paragraphs),
        references=(),
        title_derived=derived,
    )


def _header(printed: list[Line]) -> tuple[str | None, str | None, list[Line]]:
    """``(date, title, body lines)`` from the ``date`` header, or else from a printed title
    line and dateline (see :func:`_printed_head`)."""
    if not printed:
        return None, None, []
    head = printed[0]
    match = PATTERNS["news_header"].regex.match(head.text)
    if not match:
        return _printed_head(printed)
    rest = head.text[match.end():]
    body = printed[1:]
    if _is_title(rest):
        return match.group(1), " ".join(rest.split()), body
    if rest:
        trimmed = head._replace(start=head.start + match.end(), text=rest, indented=False)
        body = [trimmed, *body]
    return match.group(1), None, body


def _printed_head(printed: list[Line]) -> tuple[str | None, str | None, list[Line]]:
    """``(date, title, body lines)`` of a file without the ``date`` header.

    A news page copied as text usually opens with its headline (a short line that
    ends no sentence) and a dateline (``12 марта 2025, 10:15``, ``12.03.2025``), in
    either order. Both are taken when some body follows; a title found so is printed,
    not derived.

    >>> lines = split_lines("Алаяқтар ұсталды\\n12.03.2025, 10:15\\nПолиция екі адамды ұстады.\\n")
    >>> date, title, body = _printed_head(lines)
    >>> date, title, [ln.number for ln in body]
    ('2025-03-12', 'Алаяқтар ұсталды', [3])
    >>> _printed_head(split_lines("Алаяқтар ұсталды\\nАСТАНА, 12 марта 2025. Полиция екі адамды ұстады.\\n"))[:2]
    ('2025-03-12', 'Алаяқтар ұсталды')
    """
    date, title, k = None, None, 0
    while k + 1 < len(printed) and k < 2:  # a body line must remain
        text = printed[k].text
        if date is None and (found := _dateline(text)):
            date = found
        elif title is None and _is_title(text) and not text.endswith((":", ";", ",")):
            title = " ".join(text.split())
        else:
            break
        k += 1
    if date is None and (wire := PATTERNS["wire_dateline"].regex.match(printed[k].text)):
        date = _dateline(wire.group(1))  # the dateline stays in the body: it is text of the item
    return date, title, printed[k:]


def _dateline(text: str) -> str | None:
    """The ISO date of a short line that gives a date (and maybe a time), else None.

    >>> _dateline("12 марта 2025, 10:15"), _dateline("2025 жылғы 5 наурыз"), _dateline("05.03.2025")
    ('2025-03-12', '2025-03-05', '2025-03-05')
    >>> _dateline("12 марта 2025 года полиция задержала двух мошенников в Алматы")
    """
    if len(text.split()) > DATELINE_WORDS:
        return None
    found = find_date(text)
    numeric = _NUMERIC_DATE.search(text)
    if found is None and numeric and int(numeric.group(2)) <= 12 and int(numeric.group(1)) <= 31:
        found = f"{numeric.group(3)}-{int(numeric.group(2)):02d}-{int(numeric.group(1)):02d}"
    return found


__all__ = ["news_document", "first_sentence"]
