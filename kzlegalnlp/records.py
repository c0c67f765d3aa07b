"""Record types shared by every part of the library.

All records are frozen dataclasses with ``to_dict()``. Offsets (``char_start``,
``char_end``) are *character* offsets into the decoded source file, so
``source_text[r.char_start:r.char_end]`` shows the finding where it was printed;
``line`` numbers are 1-based. When a function is given a plain string instead of a
:class:`Document`, offsets refer to that string and ``line`` is ``None``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Mapping

SCHEMA_VERSION = "1.0"

KINDS = ("programme", "participants", "paper", "resolution", "news")
LANGS = ("kk", "ru", "en")


_SCALARS = frozenset({str, int, float, bool, type(None)})
_CLEAN_START = attrgetter("clean")


def _plain(value: Any) -> Any:
    """Tuples become lists and mappings dicts, so records serialise to JSON as is.

    >>> _plain({"a": (1, ("b", None))})
    {'a': [1, ['b', None]]}
    """
    if type(value) in _SCALARS:  # most fields; the Mapping check below is slow
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready ``dict`` (tuples become lists)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Piece:
    """A run of cleaned text copied from one place of the source.

    ``clean`` is the offset in the cleaned text, ``source`` the offset in the source
    file, ``length`` the number of characters, ``line`` the 1-based source line.
    A character that cleaning *replaced* (a line break turned into a space) is a
    piece of length 1 pointing at the character it replaced.

    >>> Piece(clean=0, source=10, length=2, line=3).source
    10
    """

    clean: int
    source: int
    length: int
    line: int


@dataclass(frozen=True)
class Paragraph(_Record):
    """A paragraph rebuilt from printed lines, with a map back to the source.

    >>> p = Paragraph(text="ab cd", char_start=10, char_end=16, line_start=3, line_end=4,
    ...               lang="en", index=0, pieces=(Piece(0, 10, 2, 3), Piece(2, 12, 1, 3),
    ...                                           Piece(3, 14, 2, 4)))
    >>> p.to_source(3), p.line_at(3), p.to_source_span(0, 5), p.source_and_line(4)
    (14, 4, (10, 16), (15, 4))
    """

    text: str
    char_start: int
    char_end: int
    line_start: int
    line_end: int
    lang: str
    index: int
    pieces: tuple[Piece, ...] = field(default=(), repr=False, compare=False)

    def _piece(self, i: int) -> Piece:
        if not self.pieces:
            raise ValueError("this paragraph has no offset map")
        # bisect on the pieces themselves: no list of their starts built per call
        k = max(bisect.bisect_right(self.pieces, i, key=_CLEAN_START) - 1, 0)
        return self.pieces[k]

    def to_source(self, i: int) -> int:
        """Offset in the source file of character ``i`` of :attr:`text`."""
        piece = self._piece(i)
        return piece.source + min(i - piece.clean, piece.length - 1)

    def source_and_line(self, i: int) -> tuple[int, int]:
        """``(to_source(i), line_at(i))`` with one look-up of the piece."""
        piece = self._piece(i)
        return piece.source + min(i - piece.clean, piece.length - 1), piece.line

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``(start, end)`` of the cleaned span ``text[start:end]``."""
        if end <= start:
            pos = self.to_source(start)
            return pos, pos
        return self.to_source(start), self.to_source(end - 1) + 1

    def line_at(self, i: int) -> int:
        """1-based source line of character ``i`` of :attr:`text`."""
        return self._piece(i).line

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.pop("pieces")
        return d


@dataclass(frozen=True)
class Document(_Record):
    """One document of a source file: a paper, a programme, a news item...

    ``paragraphs`` hold the body; ``references`` the bibliography, kept apart.
    ``title_derived`` is True when no title was printed and it was made from the
    first sentence.

    >>> p = Paragraph("Есірткі тәркіленді.", 0, 19, 1, 1, "kk", 0)
    >>> d = Document("a:news:L1", "a.txt", "news", "kk", None, (), None, None, 1, 1, 0, 19, (p,))
    >>> d.body, d.to_dict(paragraphs=False)["schema_version"]
    ('Есірткі тәркіленді.', '1.0')
    """

    doc_id: str
    source: str
    kind: str
    lang: str
    title: str | None
    authors: tuple[str, ...]
    affiliation: str | None
    date: str | None
    line_start: int
    line_end: int
    char_start: int
    char_end: int
    paragraphs: tuple[Paragraph, ...] = ()
    references: tuple[Paragraph, ...] = ()
    title_derived: bool = False

    @property
    def body(self) -> str:
        """The body text: paragraphs joined by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_dict(self, *, paragraphs: bool = True) -> dict[str, Any]:
        d = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        d["schema_version"] = SCHEMA_VERSION
        d["body"] = self.body
        if paragraphs:
            d["paragraphs"] = [p.to_dict() for p in self.paragraphs]
            d["references"] = [p.to_dict() for p in self.references]
        else:
            d.pop("paragraphs")
            d.pop("references")
        return d


@dataclass(frozen=True)
class LoadProblem(_Record):
    """A file that could not be loaded, and why.

    >>> LoadProblem("scan.pdf", "no text layer").to_dict()
    {'path': 'scan.pdf', 'reason': 'no text layer'}
    """

    path: str
    reason: str


@dataclass(frozen=True)
class ArticleRef(_Record):
    """One referenced article of a code (or of another law).

    ``article`` is kept as printed ("291.2", "188-1"); ``range_to`` is set for
    ranges ("ст. 290-291.2"). ``resolution`` says how ``code`` was found:
    ``explicit``, ``context``, ``same_code`` or ``unresolved``.

    >>> r = ArticleRef("ч. 2 ст. 190", 0, 12, "190", code="KZ-UK", part="2", resolution="explicit")
    >>> r.to_dict()["code"], r.part
    ('KZ-UK', '2')
    """

    surface: str
    char_start: int
    char_end: int
    article: str
    code: str | None = None
    part: str | None = None
    paragraph: str | None = None
    subparagraph: str | None = None
    range_to: str | None = None
    lang: str | None = None
    resolution: str = "unresolved"
    law: str | None = None
    title_ru: str | None = None
    title_kk: str | None = None
    topics: tuple[str, ...] = ()
    line: int | None = None
    doc_id: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Statistic(_Record):
    """One figure: value, unit, qualifier, the year it refers to and what it counts.

    >>> s = Statistic("27 892", 0, 6, 27892.0, year=2025, subject="интернет-алаяқтық")
    >>> s.unit, s.qualifier, s.to_dict()["year"]
    ('count', 'exact', 2025)
    """

    surface: str
    char_start: int
    char_end: int
    value: float
    unit: str = "count"
    qualifier: str = "exact"
    value_to: float | None = None
    year: int | None = None
    subject: str | None = None
    base: float | None = None
    article: str | None = None
    lang: str | None = None
    line: int | None = None
    doc_id: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class TopicScores(_Record):
    """Topic scores of a paragraph or a document.

    ``scores`` maps every label to a probability-like score in [0, 1]; ``labels``
    are those at or above their threshold, best first; ``primary`` the best of
    them (or None). For documents, ``evidence`` maps each label to the indices of
    the paragraphs that drive it.

    >>> t = TopicScores({"drugs": 0.91, "corruption": 0.08}, labels=("drugs",), primary="drugs")
    >>> t.to_dict()["labels"]
    ['drugs']
    """

    scores: Mapping[str, float]
    labels: tuple[str, ...] = ()
    primary: str | None = None
    evidence: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    doc_id: str | None = None
    paragraph: int | None = None


__all__ = [
    "SCHEMA_VERSION",
    "KINDS",
    "LANGS",
    "Piece",
    "Paragraph",
    "Document",
    "LoadProblem",
    "ArticleRef",
    "Statistic",
    "TopicScores",
]
