"""Reading labelled data: the gold ``topics.jsonl`` joined to the loader, and user training files.

**Gold** (``corpus/annotations/topics.jsonl``), one JSON object per line::

    {"type": "paragraph", "source": "news_kk_....txt", "line_start": 3, "line_end": 3, "labels": ["drugs"]}
    {"type": "document", "source": "...", "line_start": 1, "line_end": 42, "title": "...",
     "labels": ["drugs"], "primary": "drugs"}

Line numbers are 1-based in the raw file. A loader paragraph takes the labels of
the gold paragraph that contains its first line; a loader document those of the
gold document that contains its first line.

**Training file** for ``kzlegal train --data my.jsonl``, one JSON object per line::

    {"text": "Чиновник получил взятку.", "labels": ["corruption"]}
    {"text": "...", "labels": [], "doc": "report-7", "weight": 0.5}
    {"type": "document", "doc": "report-7", "labels": ["corruption"], "title": "..."}

``text`` and ``labels`` are required (``[]`` = none of the labels); ``doc`` groups
paragraphs of one document (inner folds never split it); ``weight`` (default 1)
down-weights uncertain rows; optional ``"type": "document"`` lines give document
labels (kept in :attr:`Rows.doc_labels`; with at least four labelled documents the
linear model chooses its document rule and thresholds on them, otherwise document
labels follow from paragraph scores by the default two-paragraph rule, one paragraph in
a document of one or two) and an optional ``title``, read as context of the document's
paragraphs.

>>> rows = read_training(["{\\"text\\": \\"a\\", \\"labels\\": [\\"x\\"]}"], "<mem>")
>>> rows.texts, rows.labels, rows.groups
(['a'], [['x']], ['<mem>:1'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .._resources import annotations_dir
from ..errors import AnnotationError
from .._jsonl import json_objects
from ..records import Document

GOLD_FILE = "topics.jsonl"


@dataclass
class Rows:
    """Labelled paragraphs: texts, label lists, document ids, weights and document labels."""

    texts: list[str] = field(default_factory=list)
    labels: list[list[str]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    doc_labels: dict[str, list[str]] = field(default_factory=dict)
    doc_primary: dict[str, str | None] = field(default_factory=dict)
    titles: dict[str, str | None] = field(default_factory=dict)

    def add(self, text: str, labels: Sequence[str], group: str, weight: float = 1.0) -> None:
        """Append one labelled paragraph."""
        self.texts.append(text)
        self.labels.append(list(labels))
        self.groups.append(group)
        self.weights.append(float(weight))

    def label_names(self) -> list[str]:
        """All label names used, sorted."""
        return sorted({lab for row in self.labels for lab in row} | {lab for v in self.doc_labels.values() for lab in v})


def _labels(obj: dict[str, Any], where: str, n: int) -> list[str]:
    labels = obj.get("labels")
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise AnnotationError(f"{where}:{n}: 'labels' must be a list of strings")
    return labels


def read_training(lines: Iterable[str], where: str) -> Rows:
    """Parse a training JSONL (see the module docstring) from an iterable of lines."""
    rows = Rows()
    for n, obj in json_objects(lines, where):
        if obj.get("type") == "document":
            if "doc" not in obj:
                raise AnnotationError(f"{where}:{n}: a document line needs 'doc'")
            rows.doc_labels[str(obj["doc"])] = _labels(obj, where, n)
            if isinstance(obj.get("title"), str):
                rows.titles[str(obj["doc"])] = obj["title"]
            continue
        if not isinstance(obj.get("text"), str):
            raise AnnotationError(f"{where}:{n}: a paragraph line needs a 'text' string")
        weight = obj.get("weight", 1.0)
        if not isinstance(weight, (int, float)) or weight <= 0:
            raise AnnotationError(f"{where}:{n}: 'weight' must be a positive number")
        rows.add(obj["text"], _labels(obj, where, n), str(obj.get("doc", f"{where}:{n}")), weight)
    if not rows.texts:
        raise AnnotationError(f"{where}: no paragraph lines")
    return rows


def load_training(path: str | Path) -> Rows:
    """Read a training JSONL file.

    >>> load_training("/nonexistent.jsonl")
    Traceback (most recent call last):
    ...
    kzlegalnlp.errors.AnnotationError: /nonexistent.jsonl: no such file
    """
    path = Path(path)
    if not path.is_file():
        raise AnnotationError(f"{path}: no such file")
    with path.open(encoding="utf-8") as fh:
        return read_training(fh, str(path))


@dataclass(frozen=True)
class GoldSpan:
    """One gold record: a line range of a source file with its labels."""

    source: str
    line_start: int
    line_end: int
    labels: tuple[str, ...]
    primary: str | None = None

    def contains(self, source: str, line: int) -> bool:
        """Whether ``line`` of ``source`` lies in this span."""
        return source == self.source and self.line_start <= line <= self.line_end


def gold_path() -> Path:
    """Where the bundled topic gold lives."""
    return annotations_dir() / GOLD_FILE


def read_gold(path: str | Path | None = None) -> tuple[list[GoldSpan], list[GoldSpan]]:
    """Paragraph and document spans of a gold file (default: the bundled one)."""
    path = Path(path) if path else gold_path()
    if not path.is_file():
        raise AnnotationError(f"{path}: no topic gold file")
    paras: list[GoldSpan] = []
    docs: list[GoldSpan] = []
    with path.open(encoding="utf-8") as fh:
        for n, obj in json_objects(fh, str(path)):
            kind = obj.get("type")
            if kind not in ("paragraph", "document"):
                continue  # other record types (e.g. notes) are allowed and ignored
            try:
                span = GoldSpan(str(obj["source"]), int(obj["line_start"]), int(obj["line_end"]),
                                tuple(_labels(obj, str(path), n)), obj.get("primary"))
            except (KeyError, TypeError, ValueError) as exc:
                raise AnnotationError(f"{path}:{n}: {kind} record needs source, line_start, line_end ({exc})") from exc
            (paras if kind == "paragraph" else docs).append(span)
    return paras, docs


def _find(spans: Sequence[GoldSpan], source: str, line: int) -> GoldSpan | None:
    for s in spans:
        if s.contains(source, line):
            return s
    return None


def _source_name(doc: Document) -> str:
    return Path(doc.source).name


def gold_rows(documents: Sequence[Document], path: str | Path | None = None) -> Rows:
    """Loader paragraphs of gold-labelled documents with their gold labels.

    Paragraphs no gold paragraph covers are left out; documents without a gold
    document record are left out. Groups are the loader's ``doc_id``.
    """
    paras, docs = read_gold(path)
    rows = Rows()
    for doc in documents:
        src = _source_name(doc)
        gdoc = _find(docs, src, doc.line_start)
        if gdoc is None:
            continue
        rows.doc_labels[doc.doc_id] = list(gdoc.labels)
        rows.titles[doc.doc_id] = None if doc.title_derived else doc.title
        rows.doc_primary[doc.doc_id] = gdoc.primary
        for p in doc.paragraphs:
            gp = _find(paras, src, p.line_start)
            if gp is not None:
                rows.add(p.text, gp.labels, doc.doc_id)
    return rows
