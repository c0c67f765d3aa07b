"""Columns of the tables ``kzlegal tag`` writes, and their JSON Schemas.

The column lists below are the single source of truth: the JSONL writer emits
exactly these keys in this order, the spreadsheet exporters use them as headers,
and ``schemas/*.schema.json`` in the repository are generated from them
(``python -m kzlegalnlp.tag.schema schemas/``; a test checks they are current).

>>> [c.name for c in TABLES["errors"]][:4]
['schema_version', 'doc_id', 'source', 'line']
>>> json_schema("articles")["properties"]["article"]["type"]
'string'
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import SCHEMA_VERSION

OUTPUT_TABLES = ("documents", "paragraphs", "articles", "statistics")
ALL_TABLES = OUTPUT_TABLES + ("errors",)


@dataclass(frozen=True)
class Column:
    """One column: JSON type (``string``, ``integer``, ``number``, ``boolean``,
    ``array`` of strings, ``object`` of numbers), nullability and meaning."""

    name: str
    type: str
    doc: str
    nullable: bool = False


def _col(name: str, type_: str, doc: str, nullable: bool = False) -> Column:
    return Column(name, type_, doc, nullable)


# Every record starts with these: where the finding is, in the source file.
_LOCATION = (
    _col("schema_version", "string", f"Version of this schema ({SCHEMA_VERSION})."),
    _col("doc_id", "string", "Identifier of the document (unique in the corpus)."),
    _col("source", "string", "Source file, relative to the folder it was found in."),
    _col("line", "integer", "1-based line of the source file where the record starts."),
    _col("char_start", "integer", "Character offset of the start in the decoded source file."),
    _col("char_end", "integer", "Character offset just past the end in the decoded source file."),
)

_TOPICS = (
    _col("topics", "array", "Topic labels at or above their threshold, best first."),
    _col("primary_topic", "string", "The best topic label, if any.", True),
    _col("topic_scores", "object", "Score in [0, 1] of every topic label (4 decimals)."),
)

_DOCUMENTS = _LOCATION + (
    _col("kind", "string", "programme, participants, paper, resolution or news."),
    _col("lang", "string", "Main language: kk, ru or en."),
    _col("title", "string", "Title as printed (or derived from the first sentence).", True),
    _col("title_derived", "boolean", "True when no title was printed."),
    _col("authors", "array", "Authors, as printed."),
    _col("affiliation", "string", "Authors' organisation, if printed.", True),
    _col("date", "string", "Date of the document, ISO 8601, if known.", True),
    _col("line_start", "integer", "First source line of the document."),
    _col("line_end", "integer", "Last source line of the document."),
    _col("n_paragraphs", "integer", "Number of body paragraphs."),
    _col("n_references", "integer", "Number of bibliography entries kept apart from the body."),
    _col("n_articles", "integer", "Number of article references found."),
    _col("n_statistics", "integer", "Number of statistics found."),
) + _TOPICS

_PARAGRAPHS = _LOCATION + (
    _col("index", "integer", "Position of the paragraph in its section (0-based)."),
    _col("section", "string", "body or references (bibliography)."),
    _col("lang", "string", "Language of the paragraph."),
    _col("line_start", "integer", "First source line of the paragraph."),
    _col("line_end", "integer", "Last source line of the paragraph."),
    _col("text", "string", "Cleaned text: lines joined, hyphenation undone."),
) + _TOPICS

_ARTICLES = _LOCATION + (
    _col("paragraph_index", "integer", "Body paragraph holding the reference.", True),
    _col("surface", "string", "The reference as printed."),
    _col("article", "string", "Article number as printed (188-1, 291.2)."),
    _col("code", "string", "Code identifier: KZ-UK, KZ-UPK, RU-UK... (None: not resolved).", True),
    _col("part", "string", "Part (часть / бөлік), if given.", True),
    _col("paragraph", "string", "Paragraph of the article (пункт / тармақ), if given.", True),
    _col("subparagraph", "string", "Subparagraph (подпункт / тармақша), if given.", True),
    _col("range_to", "string", "Last article of a range, if a range.", True),
    _col("lang", "string", "Language of the reference.", True),
    _col("resolution", "string", "How the code was found: explicit, context, same_code, unresolved."),
    _col("law", "string", "Law named instead of a code, if any.", True),
    _col("title_ru", "string", "Official Russian title of the article.", True),
    _col("title_kk", "string", "Official Kazakh title of the article.", True),
    _col("article_topics", "array", "Topics the article belongs to."),
)

_STATISTICS = _LOCATION + (
    _col("paragraph_index", "integer", "Body paragraph holding the figure.", True),
    _col("surface", "string", "The figure as printed."),
    _col("value", "number", "Value (a percentage as 12.5, not 0.125)."),
    _col("unit", "string", "count, person, percent, KZT, USD, tonne, times, ..."),
    _col("qualifier", "string", "exact, approx, more_than, less_than, up_to, range."),
    _col("value_to", "number", "Upper end of a range.", True),
    _col("year", "integer", "Year the figure refers to.", True),
    _col("subject", "string", "What is counted.", True),
    _col("base", "number", "Comparison base (last year's value), if given.", True),
    _col("article", "string", "Article the figure is about, if given.", True),
    _col("lang", "string", "Language of the sentence.", True),
)

_ERRORS = (
    _col("schema_version", "string", f"Version of this schema ({SCHEMA_VERSION})."),
    _col("doc_id", "string", "Document being processed when it failed, if any.", True),
    _col("source", "string", "Source file, relative to the folder it was found in."),
    _col("line", "integer", "Line of the problem, if known.", True),
    _col("char_start", "integer", "Offset of the problem, if known.", True),
    _col("char_end", "integer", "End offset of the problem, if known.", True),
    _col("path", "string", "Path of the file as found on disk."),
    _col("stage", "string", "read, load, classify or extract."),
    _col("error", "string", "Name of the error."),
    _col("reason", "string", "What went wrong, in words."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": _DOCUMENTS,
    "paragraphs": _PARAGRAPHS,
    "articles": _ARTICLES,
    "statistics": _STATISTICS,
    "errors": _ERRORS,
}

_TITLES = {
    "documents": "One document of a source file (paper, programme, news item...)",
    "paragraphs": "One paragraph of a document, with its topics",
    "articles": "One reference to an article of a legal code",
    "statistics": "One figure found in a document",
    "errors": "One file (or document) that could not be processed",
}

_ITEMS = {"array": {"items": {"type": "string"}}, "object": {"additionalProperties": {"type": "number"}}}


def _property(col: Column) -> dict[str, Any]:
    prop: dict[str, Any] = {"type": [col.type, "null"] if col.nullable else col.type}
    prop.update(_ITEMS.get(col.type, {}))
    if col.name == "schema_version":
        prop["const"] = SCHEMA_VERSION
    prop["description"] = col.doc
    return prop


def json_schema(table: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one table's records.

    >>> json_schema("documents")["required"][:2]
    ['schema_version', 'doc_id']
    """
    cols = TABLES[table]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kzlegalnlp.example/schemas/{table}.schema.json",
        "title": f"kzlegalnlp {table} record",
        "description": _TITLES[table] + f"; written by `kzlegal tag` to {table}.jsonl.",
        "type": "object",
        "properties": {c.name: _property(c) for c in cols},
        "required": [c.name for c in cols],
        "additionalProperties": False,
    }


def schema_text(table: str) -> str:
    """The schema file's exact text (2-space indent, UTF-8, final newline)."""
    return json.dumps(json_schema(table), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write ``<table>.schema.json`` for every table into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in ALL_TABLES:
        path = folder / f"{table}.schema.json"
        path.write_text(schema_text(table), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - maintenance command
    for p in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(p)
