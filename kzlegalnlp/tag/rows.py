"""Turn records (Document, ArticleRef, Statistic, TopicScores) into output rows.

Each row is a ``dict`` with exactly the columns of :mod:`kzlegalnlp.tag.schema`,
in their order, so that every run writes the same bytes.

>>> from kzlegalnlp.records import Statistic
>>> row = statistic_row(Statistic("12 %", 5, 9, 12.0, unit="percent", line=2), _doc())
>>> row["doc_id"], row["source"], row["line"], row["unit"]
('d1', 'a.txt', 2, 'percent')
"""

from __future__ import annotations

import bisect
import json
from dataclasses import fields
from functools import lru_cache
from operator import attrgetter
from json.encoder import encode_basestring
from typing import Any, Sequence

from ..records import SCHEMA_VERSION, _plain, ArticleRef, Document, Paragraph, Statistic, TopicScores
from .schema import TABLES

_SCORE_DIGITS = 4
# column names per table, looked up once: a run builds a row per paragraph
_COLUMNS = {table: tuple(c.name for c in columns) for table, columns in TABLES.items()}


# one encoder for the whole run: json.dumps with options builds a new one per call
# (rows are trees: no need to look for reference cycles)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def dumps(row: dict[str, Any]) -> str:
    """One JSONL line (no newline): UTF-8 text as is, compact, key order kept.

    >>> dumps({"b": "Сот", "a": [1, None]})
    '{"b":"Сот","a":[1,null]}'
    """
    return _ENCODER.encode(row)


def _ordered(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """The row with the table's columns in schema order (missing ones None)."""
    return {name: values.get(name) for name in _COLUMNS[table]}


def _where(doc_id: str, source: str, line: int | None, start: int, end: int) -> dict[str, Any]:
    """The location columns every record starts with."""
    return {"schema_version": SCHEMA_VERSION, "doc_id": doc_id, "source": source, "line": line,
            "char_start": start, "char_end": end}


def _add_topic_fields(row: dict[str, Any], scores: TopicScores | None) -> dict[str, Any]:
    """Append the topic columns (the last three of documents and paragraphs) to ``row``."""
    if scores is None:
        row["topics"], row["primary_topic"], row["topic_scores"] = [], None, {}
        return row
    row["topics"] = list(scores.labels)
    row["primary_topic"] = scores.primary
    # rounded and sorted so the bytes do not depend on float noise or dict order
    row["topic_scores"] = {k: round(float(v), _SCORE_DIGITS) for k, v in sorted(scores.scores.items())}
    return row


def document_row(
    doc: Document, scores: TopicScores | None, n_articles: int, n_statistics: int
) -> dict[str, Any]:
    """The ``documents.jsonl`` row of one document (built in schema order, see the tests)."""
    row = {
        **_where(doc.doc_id, doc.source, doc.line_start, doc.char_start, doc.char_end),
        "kind": doc.kind,
        "lang": doc.lang,
        "title": doc.title,
        "title_derived": bool(doc.title_derived),
        "authors": list(doc.authors),
        "affiliation": doc.affiliation,
        "date": doc.date,
        "line_start": doc.line_start,
        "line_end": doc.line_end,
        "n_paragraphs": len(doc.paragraphs),
        "n_references": len(doc.references),
        "n_articles": n_articles,
        "n_statistics": n_statistics,
    }
    return _add_topic_fields(row, scores)


def paragraph_row(
    doc: Document, para: Paragraph, section: str, scores: TopicScores | None
) -> dict[str, Any]:
    """The ``paragraphs.jsonl`` row of one paragraph (``section``: body or references).

    Built in schema order directly (a run makes one per paragraph); a test checks the order.
    """
    row = {
        "schema_version": SCHEMA_VERSION, "doc_id": doc.doc_id, "source": doc.source, "line": para.line_start,
        "char_start": para.char_start, "char_end": para.char_end,
        "index": para.index,
        "section": section,
        "lang": para.lang,
        "line_start": para.line_start,
        "line_end": para.line_end,
        "text": para.text,
    }
    return _add_topic_fields(row, scores)


# --- paragraph rows as JSON text directly --------------------------------------
# A run writes one paragraph row per paragraph, most of its output: its JSON is
# built from a template instead of a dict walked by the encoder. Every value the
# template cannot write exactly as the encoder would (a bool or an int subclass
# where an int belongs, a score name that is not a str) sends the row
# down the plain path, ``dumps(paragraph_row(...))``.

_ONLY_INT = frozenset({int})
_ONLY_STR = frozenset({str})
# a score's JSON text, by value: scores are few distinct numbers (rounded by the
# classifier), each written as the encoder writes round(float(v), 4). Zero is never
# stored: 0.0 and -0.0 are equal keys with different texts.
_SCORE_TEXT: dict[Any, str] = {}
_SCORE_TEXT_MAX = 100_000


def document_head(doc: Document) -> str:
    """The opening of every row of ``doc``, up to the ``line`` value (JSON text).

    >>> document_head(_doc())
    '{"schema_version":"1.0","doc_id":"d1","source":"a.txt","line":'
    """
    return dumps({"schema_version": SCHEMA_VERSION, "doc_id": doc.doc_id, "source": doc.source})[:-1] + ',"line":'


def _score_text(value: Any) -> str:
    """``dumps(round(float(value), 4))``, remembered by value.

    >>> _score_text(0.12), _score_text(1), _score_text(-0.0), _score_text(float("nan"))
    ('0.12', '1.0', '-0.0', 'NaN')
    """
    text = _SCORE_TEXT.get(value)
    if text is None:
        text = dumps(round(float(value), _SCORE_DIGITS))
        if value and len(_SCORE_TEXT) < _SCORE_TEXT_MAX:
            _SCORE_TEXT[value] = text
    return text


@lru_cache(maxsize=1024)
def _topics_json(labels: tuple[str, ...], primary: str | None,
                 keys: tuple[str, ...]) -> tuple[str, bool] | None:
    """The %-template of the last three columns (``topics``, ``primary_topic``,
    ``topic_scores`` with a ``%s`` per score, keys sorted), and whether ``keys`` are
    in sorted order already.

    Keyed by the label vocabulary (labels, primary label, score names), not by
    any text. None when a score name is not a ``str``: such rows take the plain path.
    """
    if not all(type(k) is str for k in keys):
        return None
    names = sorted(keys)
    scores = "{" + ",".join(f"{encode_basestring(k).replace('%', '%%')}:%s" for k in names) + "}}"
    head = f',"topics":{dumps(list(labels))},"primary_topic":{dumps(primary)},"topic_scores":'
    return head.replace("%", "%%") + scores, names == list(keys)


def _topic_tail(scores: TopicScores | None) -> str | None:
    """The last three columns of a paragraph row as JSON text (None: take the plain path)."""
    if scores is None:
        return ',"topics":[],"primary_topic":null,"topic_scores":{}}'
    if type(scores.labels) is not tuple or type(scores.scores) is not dict:
        return None
    found = _topics_json(scores.labels, scores.primary, tuple(scores.scores))
    if found is None:
        return None
    template, in_order = found
    values = scores.scores.values() if in_order else [v for _, v in sorted(scores.scores.items())]
    return template % tuple(map(_score_text, values))


def paragraph_json(doc: Document, para: Paragraph, section: str, scores: TopicScores | None,
                   head: str | None = None) -> str:
    """``dumps(paragraph_row(doc, para, section, scores))``, built as text (``head``: :func:`document_head`).

    >>> paragraph_json(_doc(), _doc().paragraphs[0], "body", None) == dumps(paragraph_row(
    ...     _doc(), _doc().paragraphs[0], "body", None))
    True
    """
    ints = (para.line_start, para.char_start, para.char_end, para.index, para.line_end)
    tail = _topic_tail(scores)
    if (tail is None or not _ONLY_INT.issuperset(map(type, ints))
            or not _ONLY_STR.issuperset(map(type, (section, para.lang, para.text)))):
        return dumps(paragraph_row(doc, para, section, scores))
    return (f'{head or document_head(doc)}{para.line_start},"char_start":{para.char_start},'
            f'"char_end":{para.char_end},"index":{para.index},"section":{encode_basestring(section)},'
            f'"lang":{encode_basestring(para.lang)},"line_start":{para.line_start},"line_end":{para.line_end},'
            f'"text":{encode_basestring(para.text)}{tail}')


class ParagraphFinder:
    """Finds the body paragraph (and line) holding a source offset.

    >>> finder = ParagraphFinder(_doc())
    >>> finder.index_of(4), finder.index_of(100)
    (0, None)
    """

    def __init__(self, doc: Document) -> None:
        self._paras = doc.paragraphs
        self._starts = [p.char_start for p in doc.paragraphs]

    def index_of(self, offset: int) -> int | None:
        """Index of the paragraph whose source span holds ``offset``, else None."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and offset < self._paras[k].char_end:
            return self._paras[k].index
        return None

    def line_of(self, offset: int) -> int | None:
        """Source line of ``offset`` when a paragraph's offset map knows it."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0 or offset >= self._paras[k].char_end or not self._paras[k].pieces:
            return None
        for piece in self._paras[k].pieces:
            if piece.source <= offset < piece.source + piece.length:
                return piece.line
        return None


_LOCATION_COLUMNS = ("schema_version", "doc_id", "source", "line", "char_start", "char_end", "paragraph_index")


def _location(doc: Document, rec: ArticleRef | Statistic, finder: ParagraphFinder) -> dict[str, Any]:
    """The location columns of a finding (:data:`_LOCATION_COLUMNS`, in order)."""
    line = rec.line if rec.line is not None else finder.line_of(rec.char_start)
    return {"schema_version": SCHEMA_VERSION, "doc_id": rec.doc_id or doc.doc_id, "source": rec.source or doc.source,
            "line": line, "char_start": rec.char_start, "char_end": rec.char_end,
            "paragraph_index": finder.index_of(rec.char_start)}


@lru_cache(maxsize=None)
def _shared_fields(record_type: type, table: str) -> tuple[str, ...]:
    """The fields of ``record_type`` that are columns of ``table``."""
    return tuple(f.name for f in fields(record_type) if f.name in _COLUMNS[table])


def _record_values(rec: ArticleRef | Statistic, table: str) -> dict[str, Any]:
    """What ``rec.to_dict()`` gives for the table's columns, without converting every field."""
    return {name: _plain(getattr(rec, name)) for name in _shared_fields(type(rec), table)}


@lru_cache(maxsize=None)
def _row_plan(record_type: type, table: str) -> tuple[tuple[str, ...], Any, tuple[str, ...]] | None:
    """``(fields, getter, rest)`` when the table's columns are the location, then
    record fields (read by ``getter``), then the ``rest``: a row is then built in
    column order directly. None for any other layout (the plain path orders it)."""
    cols, n = _COLUMNS[table], len(_LOCATION_COLUMNS)
    shared = set(_shared_fields(record_type, table)) - set(_LOCATION_COLUMNS)
    names = tuple(c for c in cols[n:] if c in shared)
    if cols[:n] != _LOCATION_COLUMNS or cols[n:n + len(names)] != names or len(names) < 2:
        return None
    return names, attrgetter(*names), cols[n + len(names):]


def _record_row(rec: ArticleRef | Statistic, doc: Document, finder: ParagraphFinder, table: str,
                extra: dict[str, Any]) -> dict[str, Any]:
    """The row of a finding: its location, its fields as ``to_dict()`` gives them, and ``extra`` columns."""
    plan = _row_plan(type(rec), table)
    if plan is None:
        values = _record_values(rec, table)
        values.update(extra)
        values.update(_location(doc, rec, finder))
        return _ordered(table, values)
    names, getter, rest = plan
    row = _location(doc, rec, finder)
    row.update(zip(names, map(_plain, getter(rec))))
    for name in rest:
        row[name] = extra.get(name)
    return row


def article_row(ref: ArticleRef, doc: Document, finder: ParagraphFinder | None = None) -> dict[str, Any]:
    """The ``articles.jsonl`` row of one reference."""
    return _record_row(ref, doc, finder or ParagraphFinder(doc), "articles", {"article_topics": list(ref.topics)})


def statistic_row(stat: Statistic, doc: Document, finder: ParagraphFinder | None = None) -> dict[str, Any]:
    """The ``statistics.jsonl`` row of one figure."""
    return _record_row(stat, doc, finder or ParagraphFinder(doc), "statistics", {})


def error_row(source: str, path: str, stage: str, exc: BaseException, doc_id: str | None = None) -> dict[str, Any]:
    """The ``errors.jsonl`` row of a failure.

    >>> error_row("a.txt", "/x/a.txt", "read", ValueError("empty file"))["reason"]
    'empty file'
    """
    # an OSError's message repeats the path, which the row already has
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    values = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc_id,
        "source": source,
        "path": path,
        "stage": stage,
        "error": type(exc).__name__,
        "reason": reason,
    }
    return _ordered("errors", values)


def sorted_findings(items: Sequence[Any]) -> list[Any]:
    """Findings in reading order (the extractors' order may vary with sets)."""
    return sorted(items, key=lambda r: (r.char_start, r.char_end, getattr(r, "surface", "")))


def _doc() -> Document:
    """A tiny document for the examples in this module."""
    p = Paragraph("abc 12 %", 0, 9, 1, 2, "ru", 0)
    return Document("d1", "a.txt", "news", "ru", None, (), None, None, 1, 2, 0, 9, (p,))
