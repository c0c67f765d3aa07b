"""Hugging Face ``datasets`` export with declared features (extra ``hf``).

>>> from kzlegalnlp.corpus import load_corpus
>>> ds = to_dataset(load_corpus().filter(kind="news"))
>>> ds.num_rows, ds.features["title_derived"].dtype
(4, 'bool')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, require

if TYPE_CHECKING:  # pragma: no cover
    from .collection import Corpus


def document_features():
    """The ``datasets.Features`` of one document row.

    >>> sorted(document_features())[:3]
    ['affiliation', 'authors', 'body']
    """
    ds = require("datasets", "hf", "exporting to a Hugging Face dataset")
    string, int32 = ds.Value("string"), ds.Value("int32")
    paragraph = {"text": string, "char_start": int32, "char_end": int32, "line_start": int32,
                 "line_end": int32, "lang": string, "index": int32}
    return ds.Features({
        "doc_id": string, "source": string, "kind": string, "lang": string, "title": string,
        "title_derived": ds.Value("bool"), "authors": ds.List(string), "affiliation": string,
        "date": string, "line_start": int32, "line_end": int32, "char_start": int32,
        "char_end": int32, "body": string, "schema_version": string,
        "paragraphs": ds.List(paragraph), "references": ds.List(paragraph),
    })


def paragraph_features():
    """The ``datasets.Features`` of one paragraph row.

    >>> "part" in paragraph_features()
    True
    """
    ds = require("datasets", "hf", "exporting to a Hugging Face dataset")
    string, int32 = ds.Value("string"), ds.Value("int32")
    return ds.Features({
        "doc_id": string, "source": string, "kind": string, "part": string, "index": int32,
        "text": string, "lang": string, "char_start": int32, "char_end": int32,
        "line_start": int32, "line_end": int32,
    })


def to_dataset(corpus: "Corpus", level: str = "document"):
    """Convert ``corpus`` to a ``datasets.Dataset``: one row per document or per paragraph.

    >>> from kzlegalnlp.corpus import load_corpus
    >>> to_dataset(load_corpus()[:1], level="paragraph").column_names[:3]
    ['doc_id', 'source', 'kind']
    """
    ds = require("datasets", "hf", "exporting to a Hugging Face dataset")
    if level == "document":
        features = document_features()
        rows: list[dict[str, Any]] = [_only(d.to_dict(), features) for d in corpus]
    elif level == "paragraph":
        from .collection import _paragraph_rows

        features = paragraph_features()
        rows = [_only(r, features) for r in _paragraph_rows(corpus)]
    else:
        raise ConfigError(f"level must be 'document' or 'paragraph', not {level!r}")
    return ds.Dataset.from_list(rows, features=features)


def _only(row: dict[str, Any], features) -> dict[str, Any]:
    out = {k: row.get(k) for k in features}
    for key in ("paragraphs", "references"):
        if key in out and out[key] is not None:
            out[key] = [{k: p[k] for k in features[key].feature} for p in out[key]]
    return out


__all__ = ["to_dataset", "document_features", "paragraph_features"]
